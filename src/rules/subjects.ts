import { L } from '../i18n'

/** 主题分类, after the State Council's government information subject categories. */
export const SUBJECTS = [
  { label: L('综合政务', 'General government affairs'), value: 'general' },
  { label: L('国民经济管理、国有资产监管', 'Economic management & state assets'), value: 'economy' },
  { label: L('财政、金融、审计', 'Finance & audit'), value: 'finance' },
  { label: L('国土资源、能源', 'Land, resources & energy'), value: 'land-energy' },
  { label: L('农业、林业、水利', 'Agriculture, forestry & water'), value: 'agriculture' },
  { label: L('工业、交通', 'Industry & transport'), value: 'industry-transport' },
  { label: L('商贸、海关、旅游', 'Trade, customs & tourism'), value: 'trade-tourism' },
  { label: L('市场监管、安全生产监管', 'Market & work safety regulation'), value: 'market-safety' },
  { label: L('城乡建设、环境保护', 'Urban-rural construction & environment'), value: 'urban-environment' },
  { label: L('科技、教育', 'Science & education'), value: 'science-education' },
  { label: L('文化、广电、新闻出版', 'Culture & media'), value: 'culture-media' },
  { label: L('卫生、体育', 'Health & sport'), value: 'health-sport' },
  { label: L('人口与计划生育、妇女儿童工作', 'Population, women & children'), value: 'population' },
  { label: L('劳动、人事、监察', 'Labour & personnel'), value: 'labour-personnel' },
  { label: L('公安、安全、司法', 'Public security & justice'), value: 'justice' },
  { label: L('民政、扶贫、救灾', 'Civil affairs & poverty relief'), value: 'civil-affairs' },
  { label: L('其他', 'Other'), value: 'other' },
] as const
