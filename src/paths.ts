import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root; relative paths in env vars (SQLite file, media dir) are resolved from here. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const mediaDir = (): string => path.resolve(projectRoot, process.env.MEDIA_DIR || 'media')
