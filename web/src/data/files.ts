/** Hands a downloaded file to the browser's download manager. */
export function saveFile({ blob, filename }: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download manager time to pick the file up before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
