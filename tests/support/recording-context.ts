/**
 * A 2D canvas context for tests of the label and hover drawers: it measures text by its font
 * size (bold a little wider) and records the text and the boxes drawn; everything else is a no-op.
 */

export interface DrawnText {
  text: string;
  x: number;
  y: number;
  width: number;
}

export interface DrawnBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function recordingContext(canvas = { clientWidth: 800, clientHeight: 600 }) {
  const texts: DrawnText[] = [];
  const boxes: DrawnBox[] = [];
  const context = {
    font: '10px sans-serif',
    canvas,
    measureText(text: string) {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10);
      const bold = /^(700|bold)/.test(this.font);
      return { width: text.length * size * (bold ? 0.62 : 0.55) };
    },
    fillText(text: string, x: number, y: number) {
      texts.push({ text, x, y, width: this.measureText(text).width });
    },
    fillRect(x: number, y: number, w: number, h: number) {
      boxes.push({ left: x, top: y, right: x + w, bottom: y + h });
    },
    strokeText() {},
    clearRect() {},
    beginPath() {},
    closePath() {},
    arc() {},
    moveTo() {},
    lineTo() {},
    fill() {},
  };
  return { context: context as unknown as CanvasRenderingContext2D, texts, boxes };
}
