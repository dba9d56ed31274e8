import type { Bilingual } from '../../i18n'

/** The online-interview record (在线访谈实录): pure rules on segments and questions, shared by hooks and endpoints. */

export const INTERVIEW_STATUSES = [
  { label: { zh: '预告', en: 'Upcoming' }, value: 'upcoming' },
  { label: { zh: '直播中', en: 'Live' }, value: 'live' },
  { label: { zh: '已结束', en: 'Ended' }, value: 'ended' },
] as const
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number]['value']

export const SPEAKER_ROLES = [
  { label: { zh: '主持人', en: 'Host' }, value: 'host' },
  { label: { zh: '嘉宾', en: 'Guest' }, value: 'guest' },
  { label: { zh: '网友', en: 'Public' }, value: 'public' },
] as const
export type SpeakerRole = (typeof SPEAKER_ROLES)[number]['value']

export const QUESTION_STATUSES = [
  { label: { zh: '待审核', en: 'Pending' }, value: 'pending' },
  { label: { zh: '已回答', en: 'Answered' }, value: 'answered' },
  { label: { zh: '未采用', en: 'Rejected' }, value: 'rejected' },
] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]['value']

export type Segment = {
  at: string
  id?: null | string
  images?: null | string[]
  role: SpeakerRole
  seq?: null | number
  speaker: string
  text: string
}

export type Question = {
  answerSeq?: null | number
  askedAt?: null | string
  askerName: string
  id?: null | string
  /** Set by the server when the question is taken (POST …/questions); optional in the collection schema. */
  key?: null | string
  moderatedAt?: null | string
  moderatedBy?: unknown
  question: string
  rejectReason?: null | string
  status: QuestionStatus
}

/** Forward only: an interview is announced, goes live, ends. */
export const NEXT_STATUS: Record<InterviewStatus, InterviewStatus | null> = { upcoming: 'live', live: 'ended', ended: null }

export const statusLabel = (s: string): Bilingual => INTERVIEW_STATUSES.find((x) => x.value === s)?.label ?? { zh: s, en: s }

/**
 * Sequence numbers are the live feed's cursor, so they never change once given: rows that existed keep theirs
 * (whatever a client sends), new rows get the next ones. Returns the rows with `seq` set.
 */
export function assignSequence(original: Segment[] | null | undefined, incoming: Segment[]): Segment[] {
  const known = new Map((original ?? []).filter((s) => s.id).map((s) => [String(s.id), s.seq]))
  let next = Math.max(0, ...(original ?? []).map((s) => s.seq ?? 0)) + 1
  return incoming.map((s) => {
    const kept = s.id ? known.get(String(s.id)) : undefined
    return { ...s, seq: kept ?? next++ }
  })
}

export type OrderProblem = { index: number; message: Bilingual }

/** Segments read in order: sequence numbers rising, timestamps never going back. */
export function segmentOrderProblem(segments: Segment[]): null | OrderProblem {
  for (let i = 1; i < segments.length; i++) {
    const prev = segments[i - 1]
    const cur = segments[i]
    if ((cur.seq ?? 0) <= (prev.seq ?? 0)) {
      return {
        index: i,
        message: {
          en: `segment ${i + 1} (no. ${cur.seq}) comes after no. ${prev.seq}: segments cannot be reordered or inserted before existing ones.`,
          zh: `第 ${i + 1} 段（序号 ${cur.seq}）排在序号 ${prev.seq} 之后：实录段落不能调换顺序或插入到已有段落之前。`,
        },
      }
    }
    if (new Date(cur.at).getTime() < new Date(prev.at).getTime()) {
      return {
        index: i,
        message: {
          en: `segment ${i + 1} is timed ${cur.at}, before the previous one (${prev.at}).`,
          zh: `第 ${i + 1} 段的时间（${cur.at}）早于上一段（${prev.at}）。`,
        },
      }
    }
  }
  return null
}

/** Why a question's answer link is wrong, or null: it must point at an existing host or guest segment. */
export function answerProblem(question: Question, segments: Segment[]): Bilingual | null {
  if (question.status !== 'answered') return null
  const segment = segments.find((s) => s.seq === question.answerSeq)
  if (!segment) {
    return {
      en: `the question “${question.question.slice(0, 30)}” is marked answered but segment ${question.answerSeq ?? '(none)'} does not exist.`,
      zh: `网友提问“${question.question.slice(0, 30)}”标记为已回答，但所指的实录段落（${question.answerSeq ?? '未填写'}）不存在。`,
    }
  }
  if (segment.role === 'public') {
    return {
      en: `segment ${segment.seq} is a member of the public speaking, not an answer.`,
      zh: `实录段落 ${segment.seq} 是网友发言，不能作为回答。`,
    }
  }
  return null
}

/** What the public sees of the questions: answered ones only, without moderation details. */
export const publicQuestions = (questions: Question[] | null | undefined) =>
  (questions ?? [])
    .filter((q) => q.status === 'answered')
    .map(({ answerSeq, askedAt, askerName, id, key, question, status }) => ({ id, key, question, askerName, askedAt, status, answerSeq }))
