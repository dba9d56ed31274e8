import { L } from '../i18n'

/** Admin navigation group of the search collections and page. */
export const SEARCH_GROUP = L('站内搜索', 'Site search')

export const SEARCH_RULE_NAME = L('站内搜索', 'site search')
