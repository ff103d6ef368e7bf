import { describe, expect, it } from 'vitest';
import { readImageSize, sniffImageType } from '../../../../../electron/library/images/image-type';
import { makeJpeg } from '../../../../support/make-jpeg';
import { makePng } from '../../../../support/make-png';

const gif1x1 = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const webpLossless1x1 = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

function box(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'ascii');
  return Buffer.concat([header, body]);
}

function avif(width: number, height: number): Buffer {
  const ispe = Buffer.alloc(12);
  ispe.writeUInt32BE(width, 4);
  ispe.writeUInt32BE(height, 8);
  return Buffer.concat([
    box('ftyp', Buffer.from('avif\0\0\0\0avifmif1miaf', 'latin1')),
    box('meta', Buffer.concat([Buffer.alloc(4), box('iprp', box('ipco', box('ispe', ispe)))])),
  ]);
}

describe('sniffImageType', () => {
  it('recognises each supported type from its bytes, whatever the name', () => {
    expect(sniffImageType(makePng(3, 2, () => [1, 2, 3]))).toBe('png');
    expect(sniffImageType(makeJpeg(9, 9, () => 100))).toBe('jpeg');
    expect(sniffImageType(gif1x1)).toBe('gif');
    expect(sniffImageType(webpLossless1x1)).toBe('webp');
    expect(sniffImageType(avif(40, 30))).toBe('avif');
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(
      sniffImageType(
        Buffer.from(
          '\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg width="10" height="5"></svg>',
        ),
      ),
    ).toBe('svg');
  });

  it('refuses everything else', () => {
    expect(sniffImageType(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBeNull();
    expect(sniffImageType(Buffer.from('plain text that mentions <svg> later'))).toBeNull();
    expect(sniffImageType(Buffer.from('<html><body><svg></svg></body></html>'))).toBeNull();
    expect(sniffImageType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).toBeNull();
    expect(sniffImageType(box('ftyp', Buffer.from('isom\0\0\0\0isommp41', 'latin1')))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
  });
});

describe('readImageSize', () => {
  it('reads the pixel size from each header', () => {
    expect(
      readImageSize(
        makePng(37, 21, () => [0, 0, 0]),
        'png',
      ),
    ).toEqual({ width: 37, height: 21 });
    expect(
      readImageSize(
        makeJpeg(50, 30, () => 10),
        'jpeg',
      ),
    ).toEqual({ width: 50, height: 30 });
    expect(readImageSize(gif1x1, 'gif')).toEqual({ width: 1, height: 1 });
    expect(readImageSize(webpLossless1x1, 'webp')).toEqual({ width: 1, height: 1 });
    expect(readImageSize(avif(640, 480), 'avif')).toEqual({ width: 640, height: 480 });
    expect(readImageSize(Buffer.from('<svg width="120px" height="80">'), 'svg')).toEqual({
      width: 120,
      height: 80,
    });
    expect(readImageSize(Buffer.from('<svg viewBox="0 0 24 16">'), 'svg')).toEqual({ width: 24, height: 16 });
  });

  it('answers nulls for truncated or unsized headers instead of throwing', () => {
    expect(readImageSize(makePng(5, 5, () => [0, 0, 0]).subarray(0, 12), 'png')).toEqual({
      width: null,
      height: null,
    });
    expect(readImageSize(makeJpeg(16, 16, () => 0).subarray(0, 30), 'jpeg')).toEqual({
      width: null,
      height: null,
    });
    expect(readImageSize(Buffer.from('<svg width="100%">'), 'svg')).toEqual({ width: null, height: null });
  });
});
