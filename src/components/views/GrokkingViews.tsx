/**
 * The grokking experiment's panels (modular arithmetic): accuracy by iteration with the jump as headline,
 * the a-b block of M, and the circulant structure and alignment that form before and during the jump.
 * The common panels (M without its diagonal, errors, spectrum, iterations) come from the App.
 */
import { AbBlockPanel } from './grokking/AbBlockPanel';
import { ConfusionMatrixPanel } from '../panels/ConfusionMatrixPanel';
import { GrokkingAccuracyPanel } from './grokking/GrokkingAccuracyPanel';
import { StructurePanel } from './grokking/StructurePanel';

export function GrokkingViews() {
  return (
    <>
      <GrokkingAccuracyPanel />
      <AbBlockPanel />
      <StructurePanel />
      <ConfusionMatrixPanel />
    </>
  );
}
