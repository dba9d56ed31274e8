import type { Bilingual } from '../i18n'

/** Longest upload file name accepted, in UTF-8 bytes: files are stored under it, and filesystems stop at 255. */
export const MAX_FILE_NAME_BYTES = 240

/**
 * What is wrong with an uploaded file's name, or null. The multipart parser keeps the name exactly as sent
 * (`preservePath`, see src/input/guard.ts), so a name that tries to leave the upload directory, hides control
 * characters or overflows the filesystem is refused here instead of being silently rewritten.
 */
export function fileNameProblem(name: string): Bilingual | null {
  const shown = JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)
  if (/[/\\]/.test(name)) {
    return { en: `the file name ${shown} contains a path (/ or \\).`, zh: `文件名 ${shown} 含有路径分隔符（/ 或 \\）。` }
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return { en: `the file name ${shown} contains control characters.`, zh: `文件名 ${shown} 含有控制字符。` }
  }
  if (!name.trim() || /^\.+$/.test(name.trim())) {
    return { en: `the file name ${shown} is empty.`, zh: `文件名 ${shown} 为空。` }
  }
  const bytes = Buffer.byteLength(name)
  if (bytes > MAX_FILE_NAME_BYTES) {
    return {
      en: `the file name is ${bytes} bytes long; at most ${MAX_FILE_NAME_BYTES} are allowed.`,
      zh: `文件名长度为 ${bytes} 字节，超过上限 ${MAX_FILE_NAME_BYTES} 字节。`,
    }
  }
  return null
}
