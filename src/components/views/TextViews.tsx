/** The next-character experiment's panels: what the model reads, RFM vs n-gram models, and a prompt box. */
import { ConfusionMatrixPanel } from '../panels/ConfusionMatrixPanel';
import { PromptPanel } from './text/PromptPanel';
import { TextComparisonPanel } from './text/TextComparisonPanel';
import { TextFeaturePanel } from './text/TextFeaturePanel';

export function TextViews() {
  return (
    <>
      <TextFeaturePanel />
      <TextComparisonPanel />
      <PromptPanel />
      <ConfusionMatrixPanel />
    </>
  );
}
