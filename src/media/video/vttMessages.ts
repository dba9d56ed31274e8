/**
 * The W3C reference WebVTT parser (webvtt-parser) reports in English only; editors here read Chinese. Its messages
 * are fixed strings, so each has its translation; one the table does not know (a newer parser) keeps the English.
 */
const ZH: Record<string, string> = {
  "'-->' not separated from timestamp by whitespace.": '“-->”与时间戳之间缺少空格。',
  '<v> cannot be nested inside itself.': '<v> 标签不能嵌套在自身之内。',
  '<v> requires an annotation.': '<v> 标签须注明说话人。',
  'Blank line missing before cue.': '字幕条目前缺少空行。',
  'Cannot have timestamp in a comment.': '注释中不能包含时间戳。',
  'Cannot have timestamp in a style block.': '样式块中不能包含时间戳。',
  'Cue identifier cannot be standalone.': '字幕条目标识不能单独存在。',
  'Cue identifier needs to be followed by timestamp.': '字幕条目标识后须紧跟时间戳。',
  'Duplicate setting.': '设置项重复。',
  'End tags not allowed in chapter title text.': '章节标题中不允许结束标签。',
  'End timestamp is not greater than start timestamp.': '结束时间不晚于开始时间。',
  'Incorrect end tag.': '结束标签不正确。',
  'Incorrect escape.': '转义字符不正确。',
  'Incorrect start tag.': '开始标签不正确。',
  'Invalid setting.': '设置项无效。',
  'Line alignment needs to be one of start, center or end': '行对齐只能为 start、center 或 end',
  "Line position can only have '%' at the end.": '行位置只能在末尾带“%”。',
  "Line position can only have '-' at the start.": '行位置只能在开头带“-”。',
  'Line position cannot be >100%.': '行位置不能超过 100%。',
  'Line position cannot be a negative percentage.': '行位置不能为负百分比。',
  'Line position needs to be a number': '行位置须为数字',
  'Line position takes a number or percentage.': '行位置须为数字或百分比。',
  'Milliseconds must be given in three digits.': '毫秒须为三位数字。',
  'Must be exactly two digits.': '须为两位数字。',
  'No blank line after the signature.': '文件头“WEBVTT”后缺少空行。',
  'No decimal separator (".") found.': '未找到小数点（“.”）。',
  'No seconds found or minutes is greater than 59.': '缺少秒数，或分钟数大于 59。',
  'No time unit separator found.': '未找到时间分隔符（“:”）。',
  'No timestamp found.': '未找到时间戳。',
  'No valid signature. (File needs to start with "WEBVTT".)': '文件头无效（文件须以“WEBVTT”开头）。',
  'No valid timestamp separator found.': '未找到有效的时间分隔符（“-->”）。',
  'No value for setting defined.': '设置项没有值。',
  'Only <v> and <lang> can have an annotation.': '只有 <v> 和 <lang> 标签可以带注释。',
  'Position alignment needs to be one of line-left, center or line-right': '位置对齐只能为 line-left、center 或 line-right',
  'Required end tag missing.': '缺少必需的结束标签。',
  'Size cannot be >100%.': '尺寸不能超过 100%。',
  'Size must be a percentage.': '尺寸须为百分比。',
  'Size needs to be a number': '尺寸须为数字',
  'Size needs to be between 0 and 100%.': '尺寸须在 0 至 100% 之间。',
  'Start tags not allowed in chapter title text.': '章节标题中不允许开始标签。',
  'Start timestamp is not greater than or equal to start timestamp of previous cue.': '开始时间早于上一条字幕的开始时间。',
  'Style blocks cannot appear after the first cue.': '样式块不能出现在第一条字幕之后。',
  'Text position must be a percentage.': '文本位置须为百分比。',
  'Text position needs to be between 0 and 100%.': '文本位置须在 0 至 100% 之间。',
  'Timestamp must be between start timestamp and end timestamp.': '时间戳须在开始时间与结束时间之间。',
  'Timestamp must be greater than any previous timestamp.': '时间戳须晚于之前的所有时间戳。',
  'Timestamp must not have trailing characters.': '时间戳后不能有多余字符。',
  'Timestamp must start with a character in the range 0-9.': '时间戳须以数字 0—9 开头。',
  'Timestamp not allowed in chapter title text.': '章节标题中不允许时间戳。',
  "Timestamp not separated from '-->' by whitespace.": '时间戳与“-->”之间缺少空格。',
  "Writing direction can only be set to 'rl' or 'rl'.": '书写方向只能设为 rl 或 lr。',
  'You cannot have more than 59 minutes.': '分钟数不能超过 59。',
  'You cannot have more than 59 seconds.': '秒数不能超过 59。',
  'No cue found: the file has a header but no captions.': '未找到字幕条目：文件只有文件头，没有字幕。',
}

/** The Chinese for a parser message (alignment lists are built at run time, so that one is matched by its start). */
export function vttMessageZh(message: string): string {
  if (ZH[message]) return ZH[message]
  if (message.startsWith('Alignment can only be set to one of ')) return `对齐方式只能为：${message.slice(36).replace(/\.$/, '')}。`
  return message
}
