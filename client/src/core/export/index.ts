export { csvField, relationsCsv, RELATIONS_CSV_COLUMNS } from './csv';
export { visibleGraphForExport, visibleGraphGexf } from './gexf';
export { sigmaToPngBlob } from './png';

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
