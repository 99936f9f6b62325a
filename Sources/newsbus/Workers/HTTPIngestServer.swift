import FlyingFox
import FlyingSocks
import Foundation
import NewsbusIngest
import NewsbusWire

/// Settings of the HTTP ingest endpoint.
struct HTTPIngestSettings: Sendable {
    /// Address to listen on, e.g. "127.0.0.1" or "0.0.0.0".
    var host: String
    /// Port; 0 picks a free one (printed at start).
    var port: UInt16
    /// Largest request body accepted.
    var maxBodyBytes: Int = 16 << 20
    /// How long a request waits for its articles to be stored before it is answered 504.
    var acknowledgementTimeout: Duration = .seconds(30)

    /// Parses "HOST:PORT" (or ":PORT", "PORT": all interfaces of the loopback host).
    static func parse(_ address: String) -> (host: String, port: UInt16)? {
        let parts = address.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return UInt16(parts[0]).map { ("127.0.0.1", $0) }
        case 2: return UInt16(parts[1]).map { (parts[0].isEmpty ? "127.0.0.1" : String(parts[0]), $0) }
        default: return nil
        }
    }
}

/// The HTTP ingest endpoint:
///
/// - `POST /v1/articles` with a body in any supported format (text scrape, HTML page, RSS/Atom
///   feed, ninjs object or array; the Content-Type is a hint and names the charset). The answer
///   comes only once every article is stored end to end: `202 Accepted` with their uris, and any
///   feed or ninjs items that were left out. Bad input is answered 4xx with a JSON error
///   (`error`, `message`, and `line`/`column`/`offset` where known) and publishes nothing.
/// - `GET /v1/health`: `200 {"status":"ok"}` while the source runs.
///
/// Re-sending a request is always safe: the store keeps one copy of each article version.
final class HTTPIngestServer: @unchecked Sendable {
    private let server: HTTPServer
    private var runTask: Task<Void, any Error>?

    init(settings: HTTPIngestSettings, queue: HTTPIngestQueue, ingestor: Ingestor, sourceName: String) throws {
        let address = try sockaddr_in.inet(ip4: settings.host, port: settings.port)
        server = HTTPServer(
            address: address, timeout: 60, logger: .disabled,
            handler: HTTPIngestHandler(settings: settings, queue: queue, ingestor: ingestor, sourceName: sourceName))
    }

    /// Starts listening; returns "http://HOST:PORT" once the socket accepts connections.
    func start(timeoutSeconds: Double = 10) throws -> String {
        let server = self.server
        runTask = Task.detached { try await server.run() }
        let ready = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var listening: Socket.Address?
        Task.detached {
            try? await server.waitUntilListening(timeout: timeoutSeconds)
            listening = await server.listeningAddress
            ready.signal()
        }
        ready.wait()
        guard case let .ip4(host, port) = listening else {
            throw IngestInputError("the HTTP endpoint could not listen (address in use or not allowed?)")
        }
        return "http://\(host):\(port)"
    }

    /// Stops accepting connections and closes the open ones (waiting requests were answered by
    /// ``HTTPIngestQueue/close()`` first).
    func stop() {
        let server = self.server
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await server.stop(timeout: 2)
            done.signal()
        }
        done.wait()
        runTask?.cancel()
    }
}

/// Answers the endpoint's requests.
struct HTTPIngestHandler: HTTPHandler {
    let settings: HTTPIngestSettings
    let queue: HTTPIngestQueue
    let ingestor: Ingestor
    let sourceName: String

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch request.path {
        case "/v1/articles":
            guard request.method == .POST else {
                return Self.json(.methodNotAllowed, ["error": "method-not-allowed", "message": "use POST"], headers: [HTTPHeader("Allow"): "POST"])
            }
            return await ingest(request)
        case "/v1/health":
            guard request.method == .GET || request.method == .HEAD else {
                return Self.json(.methodNotAllowed, ["error": "method-not-allowed", "message": "use GET"], headers: [HTTPHeader("Allow"): "GET, HEAD"])
            }
            return Self.json(.ok, ["status": "ok", "source": sourceName])
        default:
            return Self.json(.notFound, ["error": "not-found", "message": "no such path; POST articles to /v1/articles"])
        }
    }

    private func ingest(_ request: HTTPRequest) async -> HTTPResponse {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > settings.maxBodyBytes {
            return tooLarge(declared)
        }
        var body = Data()
        do {
            for try await chunk in request.bodySequence {
                body.append(chunk)
                if body.count > settings.maxBodyBytes { return tooLarge(body.count) }
            }
        } catch {
            return Self.json(.badRequest, ["error": "unreadable-body", "message": "the request body could not be read: \(error)"])
        }
        let requestID = UUID().uuidString.lowercased()
        let remote = request.remoteAddress.map { "\($0)" } ?? "client"
        let filename = request.query.first { $0.name == "filename" }?.value
        let context = IngestContext(
            sourceName: sourceName, sourceKind: "http", locator: "http:\(remote)/\(requestID)", receivedAt: Timestamp.now(),
            filename: filename)
        let result: IngestResult
        do {
            result = try ingestor.ingest([UInt8](body), context: context, contentType: request.headers[.contentType])
        } catch {
            return Self.json(Self.status(for: error), Self.fields(of: error))
        }
        let uris = result.articles.map(\.uri)
        var answer: [String: Any] = [
            "uris": uris, "format": result.format.shortName, "encoding": result.encoding, "request_id": requestID,
        ]
        if !result.issues.isEmpty { answer["issues"] = result.issues.map(\.jsonFields) }
        switch await queue.submit(key: requestID, articles: result.articles, timeout: settings.acknowledgementTimeout) {
        case .finished(.stored):
            return Self.json(.accepted, answer)
        case let .finished(.refused(reason)), let .finished(.rejected(reason)):
            answer["error"] = "refused"
            answer["message"] = "the bus refused an article: \(reason)"
            return Self.json(.unprocessableContent, answer)
        case .timedOut:
            answer["error"] = "timeout"
            answer["message"] = "not confirmed as stored within \(settings.acknowledgementTimeout); the articles may still be stored, and sending the request again is safe"
            return Self.json(.gatewayTimeout, answer)
        case .shuttingDown:
            answer["error"] = "shutting-down"
            answer["message"] = "the endpoint is stopping; send the request again later (it is safe to repeat)"
            return Self.json(.serviceUnavailable, answer)
        }
    }

    private func tooLarge(_ bytes: Int) -> HTTPResponse {
        Self.json(.payloadTooLarge, [
            "error": "too-large", "message": "the body is \(bytes) bytes or more; the limit is \(settings.maxBodyBytes) bytes",
            "limit": settings.maxBodyBytes,
        ])
    }

    /// 413 for oversized input, 415 for input that is no supported format, else 400.
    static func status(for error: IngestError) -> HTTPStatusCode {
        switch error {
        case .tooLarge: .payloadTooLarge
        case .binary, .unknownFormat, .unsupportedEncoding: .unsupportedMediaType
        default: .badRequest
        }
    }

    /// The JSON error of a rejected body: `error` (the code), `message`, and its position.
    static func fields(of error: IngestError) -> [String: Any] {
        var fields: [String: Any] = ["error": error.code, "message": error.message]
        switch error {
        case let .binary(offset, line), let .invalidUTF8(offset, line):
            fields["offset"] = offset
            fields["line"] = line
        case let .noHeadline(line), let .noBody(line):
            fields["line"] = line
        case let .malformed(_, line, column, _):
            fields["line"] = line
            fields["column"] = column
        default: break
        }
        return fields
    }

    static func json(_ status: HTTPStatusCode, _ object: [String: Any], headers: [HTTPHeader: String] = [:]) -> HTTPResponse {
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        var all = headers
        all[.contentType] = "application/json"
        return HTTPResponse(statusCode: status, headers: HTTPHeaders(all), body: body + Data("\n".utf8))
    }
}
