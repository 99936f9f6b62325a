import CProtobufC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bump allocator for the C side of the codec.
///
/// Encoding builds protobuf-c structs and C strings in it; decoding hands it to protobuf-c as a
/// `ProtobufCAllocator`, so an unpacked message is freed in one `reset()` instead of one `free`
/// per field. Not thread-safe: one arena per thread or per ``WireCodec``.
final class Arena {
    private let blockSize: Int
    private var blocks: [UnsafeMutableRawPointer] = []
    private var large: [UnsafeMutableRawPointer] = []
    private var current: UnsafeMutableRawPointer
    private var offset = 0
    private var capacity: Int

    init(blockSize: Int = 64 << 10) {
        self.blockSize = blockSize
        current = malloc(blockSize)!
        capacity = blockSize
        blocks.append(current)
    }

    deinit {
        reset()
        free(blocks[0])
    }

    /// Returns `size` bytes aligned to `alignment` (a power of two), valid until `reset()`.
    @inline(__always)
    func allocate(_ size: Int, alignment: Int = 16) -> UnsafeMutableRawPointer {
        let aligned = (offset + alignment - 1) & ~(alignment - 1)
        if aligned + size <= capacity {
            offset = aligned + size
            return current + aligned
        }
        return allocateSlow(size, alignment: alignment)
    }

    private func allocateSlow(_ size: Int, alignment: Int) -> UnsafeMutableRawPointer {
        if size > blockSize / 4 {
            guard let p = malloc(max(size, 1)) else { fatalError("Arena: out of memory for \(size) bytes") }
            large.append(p)
            return p
        }
        guard let block = malloc(blockSize) else { fatalError("Arena: out of memory for a block") }
        blocks.append(block)
        current = block
        capacity = blockSize
        offset = size
        return block
    }

    /// Frees everything allocated since the last reset, keeping the first block for reuse.
    func reset() {
        for p in large { free(p) }
        large.removeAll(keepingCapacity: true)
        if blocks.count > 1 {
            for p in blocks.dropFirst() { free(p) }
            blocks.removeSubrange(1...)
        }
        current = blocks[0]
        capacity = blockSize
        offset = 0
    }

    /// A `ProtobufCAllocator` that allocates from this arena; `free` is a no-op.
    ///
    /// The arena must outlive every use of the returned value.
    var protobufAllocator: ProtobufCAllocator {
        ProtobufCAllocator(
            alloc: { data, size in
                Unmanaged<Arena>.fromOpaque(data!)._withUnsafeGuaranteedRef { $0.allocate(size, alignment: 16) }
            },
            free: { _, _ in },
            allocator_data: Unmanaged.passUnretained(self).toOpaque()
        )
    }
}
