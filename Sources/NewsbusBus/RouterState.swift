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

    var hasCredit: Bool { inFlight.count < capacity }
}

/// One stage: its queue and its workers, served round-robin.
struct StageState {
    var queue = FIFO<PendingMessage>()
    var workers: [[UInt8]] = []
    private var cursor = 0

    /// The next worker with free credit, round-robin; nil when all are full.
    mutating func nextWorker(with table: [[UInt8]: WorkerState]) -> [UInt8]? {
        guard !queue.isEmpty, !workers.isEmpty else { return nil }
        for step in 0..<workers.count {
            let index = (cursor + step) % workers.count
            if table[workers[index]]?.hasCredit == true {
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
