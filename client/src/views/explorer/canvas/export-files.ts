/**
 * Files the export buttons offer (named side effects on the DOM). The PNG: sigma draws on
 * stacked canvases (edges, nodes, labels…); we render once and immediately copy each layer,
 * in stacking order, onto one canvas over a white background. Copying right after the render
 * matters: WebGL may clear its drawing buffer once the frame is presented.
 */
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';

export function sigmaToPngBlob<N extends Attributes, E extends Attributes>(sigma: Sigma<N, E>): Promise<Blob> {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const output = document.createElement('canvas');
  output.width = Math.round(width * ratio);
  output.height = Math.round(height * ratio);
  const context = output.getContext('2d');
  if (!context) return Promise.reject(new Error('This browser cannot draw the PNG (no 2D canvas context).'));

  sigma.refresh();
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, output.width, output.height);
  const layers = Array.from(sigma.getContainer().querySelectorAll('canvas'));
  for (const layer of layers) {
    if (layer.classList.contains('sigma-mouse')) continue;
    context.drawImage(layer, 0, 0, output.width, output.height);
  }
  return new Promise((resolve, reject) =>
    output.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))),
      'image/png',
    ),
  );
}

/** Offers a file to the user (a named side effect: the only DOM download path). */
export function downloadFile(contents: Blob | string, fileName: string, type: string): void {
  const blob = typeof contents === 'string' ? new Blob([contents], { type }) : contents;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
