import NewsbusWire
import NewsbusZMQ

/// A message waiting for a worker of its current stage.
struct PendingMessage {
    var producer: [UInt8]
    var envelope: Envelope
    var payload: BusPayload
}

/// A message delivered to a worker and not yet answered.
struct InFlightMessage {
    var producer: [UInt8]
    var worker: [UInt8]
    var envelope: Envelope
    var payload: BusPayload
}

/// What the router knows about one worker.
struct WorkerState {
    var name: String
    var stage: String
    var pid: UInt32
    var capacity: Int
    var lastSeenMs: Int
    var inFlight: Set<String> = []
    var processed = 0
    var failed = 0
    /// Holds a message on its second or later attempt, alone: until it is answered the worker gets
    /// nothing else, so if it crashes again only that message is blamed.
    var exclusive = false

    var hasCredit: Bool { !exclusive && inFlight.count < capacity }
    var isIdle: Bool { inFlight.isEmpty }
}

/// One stage: its queue and its workers, served round-robin.
struct StageState {
    var queue = FIFO<PendingMessage>()
    var workers: [[UInt8]] = []
    private var cursor = 0

    /// The next worker that may take the message at the head of the queue, round-robin: one with
    /// free credit, or an idle one for a retry (see ``WorkerState/exclusive``); nil when none.
    mutating func nextWorker(with table: [[UInt8]: WorkerState]) -> [UInt8]? {
        guard let head = queue.first, !workers.isEmpty else { return nil }
        let retry = head.envelope.attempt > 1
        for step in 0..<workers.count {
            let index = (cursor + step) % workers.count
            guard let worker = table[workers[index]] else { continue }
            if retry ? (worker.isIdle && !worker.exclusive) : worker.hasCredit {
                cursor = index + 1
                return workers[index]
            }
        }
        return nil
    }
}

/// A first-in first-out queue with O(1) amortised push and pop.
struct FIFO<Element> {
    private var storage: [Element?] = []
    private var head = 0

    var isEmpty: Bool { head == storage.count }
    var first: Element? { head < storage.count ? storage[head] : nil }
    var count: Int { storage.count - head }

    mutating func append(_ element: Element) { storage.append(element) }

    mutating func prepend(_ element: Element) {
        if head > 0 {
            head -= 1
            storage[head] = element
        } else {
            storage.insert(element, at: 0)
        }
    }

    mutating func popFirst() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head]
        storage[head] = nil
        head += 1
        if head > 1024 && head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }
}
