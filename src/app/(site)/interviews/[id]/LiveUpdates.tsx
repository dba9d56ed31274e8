'use client'

import { useEffect, useState } from 'react'

type Segment = { role?: string; seq?: number; speaker?: string; text?: string }
const ROLE: Record<string, string> = { host: '主持人', guest: '嘉宾', public: '网友' }

/**
 * Progressive enhancement of a live interview: new segments arrive over the existing SSE stream
 * (/api/interviews/:id/live/stream) and are appended to the server-rendered transcript. Without JavaScript the
 * reader reloads the page and sees the same transcript.
 */
export function LiveUpdates({ interviewId, after }: { after: number; interviewId: number | string }) {
  const [segments, setSegments] = useState<Segment[]>([])
  const [state, setState] = useState('正在连接直播…')
  useEffect(() => {
    const source = new EventSource(`/api/interviews/${interviewId}/live/stream?after=${after}`)
    source.addEventListener('open', () => setState('直播中，新内容将自动显示'))
    source.addEventListener('segment', (e) => {
      const s = JSON.parse((e as MessageEvent<string>).data) as Segment
      setSegments((list) => (list.some((x) => x.seq === s.seq) ? list : [...list, s]))
    })
    source.addEventListener('end', () => {
      setState('访谈已结束')
      source.close()
    })
    source.addEventListener('error', () => setState('连接中断，正在重试…'))
    return () => source.close()
  }, [interviewId, after])
  return (
    <>
      {segments.length ? (
        <ol className="transcript" start={after + 1} aria-live="polite">
          {segments.map((s) => (
            <li key={s.seq}>
              <span className="speaker">
                {s.speaker}
                {s.role && ROLE[s.role] ? `（${ROLE[s.role]}）` : ''}：
              </span>
              {s.text}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="muted" role="status">
        {state}
      </p>
    </>
  )
}
