import CZeroMQ

/// Library-wide facts about the linked libzmq.
public enum ZMQ {
    /// The version of the libzmq library linked at run time.
    public static var version: ZMQVersion {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return ZMQVersion(major: Int(major), minor: Int(minor), patch: Int(patch))
    }

    /// Whether libzmq was built with a capability, via `zmq_has`.
    ///
    /// Known names include `"ipc"`, `"pgm"`, `"tipc"`, `"norm"`, `"curve"`, `"gssapi"` and `"draft"`.
    /// - Parameter capability: the capability name.
    /// - Returns: `true` when the capability is available.
    public static func has(_ capability: String) -> Bool {
        zmq_has(capability) != 0
    }
}

/// A libzmq version number.
public struct ZMQVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The major version (4 for libzmq 4.3.4).
    public let major: Int
    /// The minor version.
    public let minor: Int
    /// The patch version.
    public let patch: Int

    /// Creates a version value.
    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Orders versions numerically by major, minor, then patch.
    public static func < (lhs: ZMQVersion, rhs: ZMQVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    /// `"major.minor.patch"`.
    public var description: String { "\(major).\(minor).\(patch)" }
}
