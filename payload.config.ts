import { buildAppConfig } from './src/buildAppConfig'

export default buildAppConfig()
