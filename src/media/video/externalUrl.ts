import type { Bilingual } from '../../i18n'
import { videoUrlHosts } from '../config'

/**
 * An external video must be an https page on an allowed host (VIDEO_URL_HOSTS): an entry allows that host and
 * its subdomains. Anything else could embed content nobody reviewed, or track readers.
 */
export function externalVideoProblem(value: string): Bilingual | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { en: `“${value}” is not a URL.`, zh: `“${value}”不是有效的网址。` }
  }
  if (url.protocol !== 'https:') return { en: 'only https:// links are accepted.', zh: '仅接受 https:// 链接。' }
  if (url.username || url.password) return { en: 'the link must not carry credentials.', zh: '链接中不得包含用户名或密码。' }
  // The allow-list names sites, and a site is its https port: another port is another server on that host.
  if (url.port) return { en: `port ${url.port} is not accepted; link the site’s ordinary https address.`, zh: `不接受端口 ${url.port}；请使用该站点的标准 https 地址。` }
  const host = url.hostname.toLowerCase()
  const allowed = videoUrlHosts()
  if (!allowed.some((h) => host === h || host.endsWith(`.${h}`))) {
    return {
      en: `host “${host}” is not on the allow-list (${allowed.join(', ') || 'empty'}).`,
      zh: `站点“${host}”不在允许的视频站点名单内（${allowed.join('、') || '空'}）。`,
    }
  }
  return null
}
