/** Block size for collected output: large enough that even a big report needs few blocks. */
const BLOCK_SIZE = 1024 * 1024;

/**
 * Collects a stream's output into one buffer. pdfkit writes a PDF as hundreds of thousands of
 * tiny chunks (a line of the cross-reference table is one), and compressed streams arrive as
 * small views of zlib's 16 KiB output buffers; keeping those until the end would hold a buffer
 * object per chunk and every zlib buffer alive. The bytes are copied into 1 MiB blocks instead
 * and joined once at the end.
 */
export class ByteCollector {
  private readonly blocks: Buffer[] = [];
  private current = Buffer.allocUnsafe(BLOCK_SIZE);
  private used = 0;

  append(chunk: Uint8Array): void {
    let copied = 0;
    while (copied < chunk.length) {
      if (this.used === this.current.length) {
        this.blocks.push(this.current);
        this.current = Buffer.allocUnsafe(BLOCK_SIZE);
        this.used = 0;
      }
      const length = Math.min(chunk.length - copied, this.current.length - this.used);
      this.current.set(chunk.subarray(copied, copied + length), this.used);
      this.used += length;
      copied += length;
    }
  }

  /** All bytes appended so far, in a buffer of exactly their length. */
  toBuffer(): Buffer {
    return Buffer.concat([...this.blocks, this.current.subarray(0, this.used)]);
  }
}
