export {
  TradeOffMatrixSection,
  TRADE_OFF_SCALE_HINT,
} from './TradeOffMatrixSection';
export type { TradeOffMatrixSectionProps } from './TradeOffMatrixSection';
export { TradeOffRanking } from './TradeOffRanking';
