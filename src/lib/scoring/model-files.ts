// The files transformers.js reads for one of our models, relative to its repo: the config, the
// tokenizer and the ONNX weights of the dtype. A picked folder must have them, a pin records them.
import type { ModelSpec } from './types.ts';

export function modelFiles(dtype: ModelSpec['dtype']): string[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx'];
}
