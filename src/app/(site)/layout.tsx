import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import Link from 'next/link'
import type React from 'react'

import { siteOrigin } from '../../site/api'
import { A11Y_COOKIE } from '../../site/a11y'
import './site.css'

export const metadata: Metadata = {
  metadataBase: new URL(siteOrigin()),
  title: { default: '政策文件库 · 政策解读', template: '%s · 政策文件库' },
  description: '已发布的政策文件及其解读、图解、视频、在线访谈与征求意见（双关联）。',
}

/** The public site's shell: skip link, header, the 适老化 switch (a cookie, so it works without JavaScript). */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const a11y = (await cookies()).get(A11Y_COOKIE)?.value === '1'
  return (
    <html lang="zh-CN" className={a11y ? 'a11y' : undefined}>
      <body>
        <a className="skip" href="#main">
          跳到正文
        </a>
        <header className="site-header">
          <div className="wrap header-row">
            <Link className="brand" href="/">
              政策文件库
            </Link>
            <nav aria-label="主导航">
              <ul className="nav">
                <li>
                  <Link href="/">首页</Link>
                </li>
                <li>
                  <Link href="/policies">政策文件</Link>
                </li>
                <li>
                  <Link href="/search">站内搜索</Link>
                </li>
                <li>
                  <a href={`/a11y?on=${a11y ? '0' : '1'}`} rel="nofollow">
                    {a11y ? '标准模式' : '适老化模式（大字、高对比）'}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
          <form className="wrap header-search" action="/search" role="search">
            <label htmlFor="site-q">搜索政策</label>
            <input id="site-q" name="q" type="search" placeholder="标题、发文字号、索引号或关键词" />
            <button type="submit">搜索</button>
          </form>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>本站公开页面的内容来自政策解读管理系统公开接口，仅包含已发布、主动公开的政策文件及解读（编辑人员登录后的预览页除外）。</p>
            <p>
              订阅：<a href="/api/public/feeds/policies.rss">政策文件 RSS</a> · <a href="/api/public/feeds/policies.atom">Atom</a> ·{' '}
              <a href="/api/public/feeds/interpretations.rss">政策解读 RSS</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
