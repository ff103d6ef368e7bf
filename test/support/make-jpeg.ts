/**
 * A tiny baseline JPEG encoder for tests: grayscale, 8x8 blocks of flat shade (only DC
 * coefficients), standard DC Huffman table. The files are genuine JPEGs every decoder reads.
 */
const dcBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const dcValues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const acBits = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const acValues = [0x00];

function huffmanCodes(bits: number[], values: number[]): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (bits[length - 1] as number); i++) {
      codes.set(values[k++] as number, { code: code++, length });
    }
    code <<= 1;
  }
  return codes;
}

function segment(marker: number, body: number[]): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

class BitWriter {
  readonly bytes: number[] = [];
  private current = 0;
  private count = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  finish(): void {
    while (this.count !== 0) this.write(1, 1);
  }

  private flushByte(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0x00);
    this.current = 0;
    this.count = 0;
  }
}

/**
 * Encodes a real grayscale JPEG of `width` x `height`; each 8x8 block takes the shade (0-255)
 * `shade(x, y)` gives for its top-left pixel.
 */
export function makeJpeg(width: number, height: number, shade: (x: number, y: number) => number): Buffer {
  const dc = huffmanCodes(dcBits, dcValues);
  const ac = huffmanCodes(acBits, acValues);
  const eob = ac.get(0x00) as { code: number; length: number };
  const writer = new BitWriter();
  let previous = 0;
  for (let by = 0; by < Math.ceil(height / 8); by++) {
    for (let bx = 0; bx < Math.ceil(width / 8); bx++) {
      const value = Math.max(0, Math.min(255, Math.round(shade(bx * 8, by * 8))));
      const coefficient = 8 * (value - 128);
      const diff = coefficient - previous;
      previous = coefficient;
      const magnitude = Math.abs(diff);
      const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
      const code = dc.get(category) as { code: number; length: number };
      writer.write(code.code, code.length);
      if (category > 0) writer.write(diff > 0 ? diff : (diff - 1) & ((1 << category) - 1), category);
      writer.write(eob.code, eob.length);
    }
  }
  writer.finish();
  const bytes = [
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, ...dcBits, ...dcValues]),
    ...segment(0xc4, [0x10, ...acBits, ...acValues]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
  ];
  return Buffer.concat([Buffer.from(bytes), Buffer.from(writer.bytes), Buffer.from([0xff, 0xd9])]);
}
