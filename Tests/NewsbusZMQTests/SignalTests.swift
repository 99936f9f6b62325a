import Dispatch
import Foundation
import NewsbusZMQ
import Testing

/// Counts SIGUSR2 deliveries (written only by the signal handler).
nonisolated(unsafe) private var interruptions = 0

@Suite("Signals")
struct SignalTests {
    @Test("A poll interrupted by signals (EINTR) retries with the remaining time")
    func pollRetriesOnInterrupt() throws {
        // The handler stays installed: restoring SIG_DFL could let a still-pending SIGUSR2 kill the runner.
        signal(SIGUSR2) { _ in interruptions += 1 }

        let context = try ZMQContext()
        let threadID = LockedBox<pthread_t?>(nil)
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let result = LockedBox<String>("not finished")
        let elapsedBox = LockedBox<Int>(-1)

        let thread = Thread {
            defer {
                finished.signal()
                // Stay alive until the main thread stops signalling us (pthread_kill needs a live thread).
                _ = release.wait(timeout: .now() + 10)
            }
            // The test runner may start us with signals blocked; this thread must take SIGUSR2.
            var mask = sigset_t()
            sigemptyset(&mask)
            sigaddset(&mask, SIGUSR2)
            pthread_sigmask(SIG_UNBLOCK, &mask, nil)
            do {
                let socket = try context.makeSocket(.pull)
                defer { socket.close() }
                try socket.bind("inproc://\(uniqueName("eintr"))")
                threadID.value = pthread_self()
                started.signal()
                let (events, elapsed) = try measureMilliseconds { try socket.poll(.readable, timeout: 400) }
                elapsedBox.value = elapsed
                result.value = events.isEmpty ? "timed out" : "ready: \(events)"
            } catch {
                result.value = "threw \(error)"
                started.signal()
            }
        }
        thread.start()
        try #require(started.wait(timeout: .now() + 5) == .success, "polling thread did not start within 5 s")
        let target = try #require(threadID.value)

        // Interrupt the poll every 25 ms until it returns (at most 5 s).
        let deadline = DispatchTime.now() + 5
        var sent = 0
        var timedOut = false
        while finished.wait(timeout: .now() + .milliseconds(25)) == .timedOut {
            if DispatchTime.now() >= deadline {
                timedOut = true
                break
            }
            pthread_kill(target, SIGUSR2)
            sent += 1
        }
        release.signal()
        try #require(!timedOut, "poll(timeout: 400) did not return within 5 s while interrupted")
        #expect(result.value == "timed out", "poll ended with: \(result.value)")
        #expect(sent > 0 && interruptions > 0, "no signal was delivered during the poll")
        #expect(elapsedBox.value >= 390, "poll returned after \(elapsedBox.value) ms, before its 400 ms timeout")
        #expect(elapsedBox.value < 2_000, "poll took \(elapsedBox.value) ms: the remaining time was not honoured")
    }
}
