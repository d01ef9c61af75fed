import { execFileSync } from 'node:child_process';

/** True when the command is on PATH (LibreOffice's soffice, poppler's pdftoppm). */
export function which(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
