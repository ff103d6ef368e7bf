import { describe, expect, it } from 'vitest';
import { imageFileName, numberedName, safeStem } from '../../../../../electron/library/images/image-names';

describe('image file names', () => {
  it('makes lowercase dashed ASCII stems', () => {
    expect(safeStem('My Holiday Photo (1)')).toBe('my-holiday-photo-1');
    expect(safeStem('Café déjà vu')).toBe('cafe-deja-vu');
    expect(safeStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeStem('日本語')).toBe('image');
    expect(safeStem('')).toBe('image');
    expect(safeStem('a'.repeat(100))).toHaveLength(60);
    expect(safeStem('CON')).toBe('con');
  });

  it('takes the extension from the real type, keeping an equivalent spelling', () => {
    expect(imageFileName('Screen Shot 2024.PNG', 'png')).toBe('screen-shot-2024.png');
    expect(imageFileName('photo.JPEG', 'jpeg')).toBe('photo.jpeg');
    expect(imageFileName('photo.png', 'jpeg')).toBe('photo.jpg');
    expect(imageFileName('no-extension', 'gif')).toBe('no-extension.gif');
    expect(imageFileName('C:\\Users\\me\\Desktop\\Logo.svg', 'svg')).toBe('logo.svg');
    expect(imageFileName('.hidden.png', 'png')).toBe('hidden.png');
  });

  it('names pasted images after their alt text when the file name says nothing', () => {
    expect(imageFileName('image.png', 'png', 'A red kite over the hills')).toBe(
      'a-red-kite-over-the-hills.png',
    );
    expect(imageFileName('image.png', 'png')).toBe('image.png');
    expect(imageFileName('kite.png', 'png', 'Something else')).toBe('kite.png');
  });

  it('numbers taken names -2, -3 ...', () => {
    expect(numberedName('photo.png', 1)).toBe('photo.png');
    expect(numberedName('photo.png', 2)).toBe('photo-2.png');
    expect(numberedName('photo.tar.png', 3)).toBe('photo.tar-3.png');
  });
});
