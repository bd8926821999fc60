#!/usr/bin/python3
"""Builds the tiny fixture models the scoring tests load through transformers.js.

Run with Debian's Python (torch and onnx come from apt, not pip):

    apt-get install -y python3-torch python3-onnx python3-numpy
    /usr/bin/python3 scripts/make-fixture-models.py            # fixtures -> tests/fixtures/models/
    /usr/bin/python3 scripts/make-fixture-models.py --bench    # real-sized random weights -> .cache/bench-models/

Every fixture is a BERT-shaped model laid out the way the Hugging Face hub lays out a
transformers.js repo (config.json with id2label, tokenizer.json, tokenizer_config.json,
onnx/model_quantized.onnx and/or onnx/model.onnx), trained for a few hundred steps on small
synthetic rules so its behaviour is known (a few minutes in all on 2 CPU cores; each run stops as
soon as its held-out accuracy reaches its target). The classifiers start from a small encoder first
trained to group sentences by topic, which is what lets them learn the pair rules that quickly:

  nli        (premise, hypothesis) -> CONTRADICTION / ENTAILMENT / NEUTRAL
             same object, negation on one side only -> contradiction; same object, same polarity ->
             entailment; different objects -> neutral. Trained in both pair orders.
  relevance  (query, statement) -> one logit: the statement's topic is the query's topic.
  toxicity   text -> six multi-label outputs named like toxic-bert's, in a different order:
             insult words -> insult; mild obscenities -> obscene; "i will hurt you" -> threat;
             insult + an (invented) group name -> identity_hate; two or more -> severe_toxic;
             any of them -> toxic.
  embedding  text -> last_hidden_state, trained so mean-pooled sentences of one topic are close.

The label orders differ from the real models' on purpose, so tests catch code that reads labels by
position instead of through config.id2label. The fixtures are test doubles only; they must never be
offered as scorers. Held-out accuracies measured at generation time are written to manifest.json.

No onnxruntime is available to Python here, so the q8 file is made by this script's own dynamic
quantisation (the same node pattern as onnxruntime's quantize_dynamic: DynamicQuantizeLinear +
MatMulInteger on int8 per-tensor weights), which is what transformers.js loads for dtype "q8".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DIR = ROOT / "tests" / "fixtures" / "models"
BENCH_DIR = ROOT / ".cache" / "bench-models"
ORG = "personascope-fixtures"
GENERATOR_VERSION = 1
OPSET = 14

# ---------------------------------------------------------------------------------------------
# Synthetic world: topics, objects, templates
# ---------------------------------------------------------------------------------------------

TOPICS: dict[str, dict[str, list[str]]] = {
    "food": {"objects": ["cooking", "pizza", "pasta", "baking", "coffee", "cheese"], "words": ["food", "chef", "kitchen"]},
    "music": {"objects": ["jazz", "guitar", "piano", "singing", "concerts", "violin"], "words": ["music", "musician", "songs"]},
    "sports": {"objects": ["football", "tennis", "running", "swimming", "cycling", "hiking"], "words": ["sports", "athlete", "exercise"]},
    "animals": {"objects": ["dogs", "cats", "horses", "birds", "fish", "rabbits"], "words": ["animals", "pets", "vet"]},
    "travel": {"objects": ["trains", "beaches", "mountains", "paris", "flights", "camping"], "words": ["travel", "pilot", "trips"]},
    "books": {"objects": ["novels", "poetry", "history", "libraries", "writing", "reading"], "words": ["books", "writer", "stories"]},
    "tech": {"objects": ["computers", "robots", "coding", "phones", "games", "science"], "words": ["technology", "engineer", "gadgets"]},
    "nature": {"objects": ["gardening", "flowers", "trees", "rain", "forests", "snow"], "words": ["nature", "gardener", "plants"]},
}
OBJ_TOPIC = {o: t for t, d in TOPICS.items() for o in d["objects"]}
WORD_TOPIC = {w: t for t, d in TOPICS.items() for w in d["words"]}
OBJECTS = sorted(OBJ_TOPIC)
VERBS = ["love", "like", "enjoy"]
PREFIXES = ["", "", "yes ,", "well ,", "honestly ,", "of course ,", "oh ,", "you know ,"]
SUFFIXES = ["", "", "every day", "a lot", "very much", "with my friends", "at home", "on weekends"]
NEGATIONS = ["do not", "don't", "never", "really do not", "no longer"]
QUERY_TEMPLATES = [
    "do you like {o} ?",
    "what do you think about {o} ?",
    "how do you feel about {o} ?",
    "tell me about {o} .",
    "have you tried {o} ?",
]
TOPIC_QUERY_TEMPLATES = ["do you like {w} ?", "tell me about your {w} .", "what about {w} ?"]
STATEMENT_EXTRA = ["i am a {w} .", "i work as a {w} .", "my life is about {w} ."]
INSULTS = ["idiot", "stupid", "moron", "loser", "fool", "dumb", "pathetic"]
OBSCENE = ["crap", "damn", "hell", "bloody", "sucks"]
THREATS = ["i will hurt you", "i will kill you", "watch your back", "i will destroy you"]
GROUPS = ["zorbians", "kelvans", "plonks"]  # invented group names: no real group is insulted here
NEUTRAL_SENTENCES = [
    "thank you for asking",
    "what a nice day",
    "i hope you are well",
    "that is a good question",
    "let me think about it",
    "see you tomorrow",
    "have a great weekend",
    "it was fun to talk",
]
FILLER_WORDS = ["i", "you", "we", "it", "is", "are", "a", "the", "and", "also", "very", "really", "so", "my", "your", "to", "in", "with"]


def statement(rng: random.Random, obj: str, negated: bool) -> str:
    verb = rng.choice(VERBS)
    if negated:
        return f"i {rng.choice(NEGATIONS)} {verb} {obj} ."
    return f"i {rng.choice(['', 'really ', ''])}{verb} {obj} .".replace("  ", " ")


def response(rng: random.Random, obj: str, negated: bool) -> str:
    pre, suf = rng.choice(PREFIXES), rng.choice(SUFFIXES)
    verb = rng.choice(VERBS)
    core = f"i {rng.choice(NEGATIONS)} {verb} {obj}" if negated else f"i {rng.choice(['', 'really ', 'truly '])}{verb} {obj}"
    return " ".join(x for x in [pre, core, suf] if x).replace("  ", " ") + " ."


# ---------------------------------------------------------------------------------------------
# WordPiece vocabulary and a tokenizer that matches the tokenizer.json we write
# ---------------------------------------------------------------------------------------------

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PUNCT = list(".,?!'-;:\"()")


def build_vocab() -> list[str]:
    words: set[str] = set()
    texts = (
        OBJECTS + VERBS + FILLER_WORDS + INSULTS + OBSCENE + GROUPS
        + [w for d in TOPICS.values() for w in d["words"]]
        + PREFIXES + SUFFIXES + NEGATIONS + QUERY_TEMPLATES + TOPIC_QUERY_TEMPLATES + STATEMENT_EXTRA + THREATS + NEUTRAL_SENTENCES
        + ["are", "all", "people", "hate", "truly", "no", "not", "longer", "do", "don", "t", "what", "about", "think", "feel", "how", "tell", "me", "have", "tried", "of", "course", "oh", "know", "well", "yes", "honestly", "am", "work", "as", "life", "at", "on", "weekends", "home", "friends", "every", "day", "lot", "much", "o", "w"]
    )
    for t in texts:
        for w in pre_tokenize(t.replace("{o}", "").replace("{w}", "")):
            if w not in PUNCT:
                words.add(w)
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)]
    digits = [str(d) for d in range(10)]
    vocab = SPECIALS + PUNCT + digits + letters + ["##" + c for c in letters + digits] + ["##s", "##ed", "##ing", "##er", "##ly"]
    seen = set(vocab)
    for w in sorted(words):
        if w not in seen:
            vocab.append(w)
            seen.add(w)
    return vocab


def normalize(text: str) -> str:
    # BertNormalizer(clean_text, handle_chinese_chars, strip_accents=None -> follows lowercase, lowercase)
    text = "".join(" " if ch in "\t\n\r" or unicodedata.category(ch) == "Zs" else ch for ch in text if not (ord(ch) == 0 or ord(ch) == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r")))
    text = text.lower()
    text = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def pre_tokenize(text: str) -> list[str]:
    out: list[str] = []
    for chunk in text.split():
        cur = ""
        for ch in chunk:
            if is_punct(ch):
                if cur:
                    out.append(cur)
                    cur = ""
                out.append(ch)
            else:
                cur += ch
        if cur:
            out.append(cur)
    return out


class WordPiece:
    def __init__(self, vocab: list[str], max_len: int):
        self.vocab = vocab
        self.ids = {t: i for i, t in enumerate(vocab)}
        self.max_len = max_len

    def tokens(self, text: str) -> list[int]:
        out: list[int] = []
        for word in pre_tokenize(normalize(text)):
            if len(word) > 100:
                out.append(self.ids["[UNK]"])
                continue
            pieces, start, bad = [], 0, False
            while start < len(word):
                end, cur = len(word), None
                while start < end:
                    sub = ("##" if start > 0 else "") + word[start:end]
                    if sub in self.ids:
                        cur = self.ids[sub]
                        break
                    end -= 1
                if cur is None:
                    bad = True
                    break
                pieces.append(cur)
                start = end
            out.extend([self.ids["[UNK]"]] if bad else pieces)
        return out

    def encode(self, a: str, b: str | None = None) -> tuple[list[int], list[int]]:
        ta = self.tokens(a)
        tb = self.tokens(b) if b is not None else None
        budget = self.max_len - (3 if tb is not None else 2)
        while len(ta) + (len(tb) if tb else 0) > budget:  # longest first
            if tb and len(tb) > len(ta):
                tb.pop()
            else:
                ta.pop()
        ids = [self.ids["[CLS]"]] + ta + [self.ids["[SEP]"]]
        types = [0] * len(ids)
        if tb is not None:
            ids += tb + [self.ids["[SEP]"]]
            types += [1] * (len(tb) + 1)
        return ids, types

    def batch(self, pairs: list[tuple[str, str | None]]):
        enc = [self.encode(a, b) for a, b in pairs]
        n = max(len(i) for i, _ in enc)
        ids = torch.zeros(len(enc), n, dtype=torch.long)
        types = torch.zeros(len(enc), n, dtype=torch.long)
        mask = torch.zeros(len(enc), n, dtype=torch.long)
        for k, (i, t) in enumerate(enc):
            ids[k, : len(i)] = torch.tensor(i)
            types[k, : len(t)] = torch.tensor(t)
            mask[k, : len(i)] = 1
        return ids, mask, types


def tokenizer_json(vocab: list[str]) -> dict:
    ids = {t: i for i, t in enumerate(vocab)}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": ids[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
            for t in SPECIALS
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 1}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
            ],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [ids["[CLS]"]], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [ids["[SEP]"]], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": ids},
    }


def tokenizer_config(max_len: int) -> dict:
    return {
        "tokenizer_class": "BertTokenizer",
        "do_lower_case": True,
        "model_max_length": max_len,
        "cls_token": "[CLS]",
        "sep_token": "[SEP]",
        "pad_token": "[PAD]",
        "unk_token": "[UNK]",
        "mask_token": "[MASK]",
        "clean_up_tokenization_spaces": True,
        "strip_accents": None,
        "tokenize_chinese_chars": True,
    }


# ---------------------------------------------------------------------------------------------
# A BERT in plain torch whose ONNX export has the inputs/outputs transformers.js expects
# ---------------------------------------------------------------------------------------------


class Layer(nn.Module):
    def __init__(self, h: int, heads: int, inter: int):
        super().__init__()
        self.heads, self.d = heads, h // heads
        self.q, self.k, self.v, self.o = (nn.Linear(h, h) for _ in range(4))
        self.ln1 = nn.LayerNorm(h, eps=1e-12)
        self.up, self.down = nn.Linear(h, inter), nn.Linear(inter, h)
        self.ln2 = nn.LayerNorm(h, eps=1e-12)

    def forward(self, x, bias):
        b, t, h = x.shape
        split = lambda y: y.view(b, t, self.heads, self.d).transpose(1, 2)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = torch.softmax(q @ k.transpose(-1, -2) / (self.d ** 0.5) + bias, dim=-1)
        ctx = (att @ v).transpose(1, 2).reshape(b, t, h)
        x = self.ln1(x + self.o(ctx))
        return self.ln2(x + self.down(F.gelu(self.up(x))))


class MiniBert(nn.Module):
    def __init__(self, vocab: int, h: int, layers: int, heads: int, inter: int, max_pos: int, num_labels: int | None):
        super().__init__()
        self.word, self.pos, self.token_type = nn.Embedding(vocab, h), nn.Embedding(max_pos, h), nn.Embedding(2, h)
        self.ln = nn.LayerNorm(h, eps=1e-12)
        self.layers = nn.ModuleList(Layer(h, heads, inter) for _ in range(layers))
        self.num_labels = num_labels
        if num_labels:
            self.pooler, self.classifier = nn.Linear(h, h), nn.Linear(h, num_labels)

    def forward(self, input_ids, attention_mask, token_type_ids):
        t = input_ids.shape[1]
        pos = torch.arange(t, dtype=torch.long).unsqueeze(0)
        x = self.ln(self.word(input_ids) + self.pos(pos) + self.token_type(token_type_ids))
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        if self.num_labels:
            return self.classifier(torch.tanh(self.pooler(x[:, 0])))
        return x


def mean_pool(hidden, mask):
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)


def export_onnx(model: MiniBert, path: Path) -> None:
    model.eval()
    ids = torch.tensor([[2, 10, 11, 3], [2, 12, 3, 0]], dtype=torch.long)
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]], dtype=torch.long)
    types = torch.zeros_like(ids)
    out_name = "logits" if model.num_labels else "last_hidden_state"
    dyn = {"input_ids": {0: "batch_size", 1: "sequence_length"}, "attention_mask": {0: "batch_size", 1: "sequence_length"},
           "token_type_ids": {0: "batch_size", 1: "sequence_length"}}
    dyn[out_name] = {0: "batch_size"} if model.num_labels else {0: "batch_size", 1: "sequence_length"}
    path.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(model, (ids, mask, types), str(path), input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=[out_name], dynamic_axes=dyn, opset_version=OPSET, do_constant_folding=True)
    m = onnx.load(str(path))
    m.producer_name = "personascope make-fixture-models.py"
    m.doc_string = ""
    onnx.checker.check_model(m)
    onnx.save(m, str(path))


def quantize_dynamic(src: Path, dst: Path) -> None:
    """MatMul with a constant 2-D float weight -> DynamicQuantizeLinear + MatMulInteger (int8 weights)."""
    m = onnx.load(str(src))
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    uses: dict[str, int] = {}
    for n in g.node:
        for i in n.input:
            uses[i] = uses.get(i, 0) + 1
    new_nodes, drop = [], set()
    for n in g.node:
        w = inits.get(n.input[1]) if n.op_type == "MatMul" and len(n.input) == 2 else None
        if w is None or len(w.dims) != 2 or w.data_type != TensorProto.FLOAT:
            new_nodes.append(n)
            continue
        arr = numpy_helper.to_array(w)
        scale = float(np.abs(arr).max()) / 127.0 or 1.0
        q = np.clip(np.round(arr / scale), -127, 127).astype(np.int8)
        base = n.output[0].replace(":", "_").replace("/", "_")
        wq, ws, wz = f"{w.name}_quantized", f"{w.name}_scale", f"{w.name}_zero_point"
        if wq not in inits:
            g.initializer.extend([numpy_helper.from_array(q, wq), numpy_helper.from_array(np.array(scale, dtype=np.float32), ws),
                                  numpy_helper.from_array(np.array(0, dtype=np.int8), wz)])
            inits[wq] = True  # type: ignore[assignment]
        uses[w.name] -= 1
        if uses[w.name] == 0:
            drop.add(w.name)
        a = n.input[0]
        new_nodes += [
            helper.make_node("DynamicQuantizeLinear", [a], [f"{base}_aq", f"{base}_as", f"{base}_az"], name=f"{base}_dql"),
            helper.make_node("MatMulInteger", [f"{base}_aq", wq, f"{base}_az", wz], [f"{base}_int"], name=f"{base}_mmi"),
            helper.make_node("Cast", [f"{base}_int"], [f"{base}_f"], to=TensorProto.FLOAT, name=f"{base}_cast"),
            helper.make_node("Mul", [f"{base}_as", ws], [f"{base}_s"], name=f"{base}_scale_mul"),
            helper.make_node("Mul", [f"{base}_f", f"{base}_s"], [n.output[0]], name=f"{base}_out_mul"),
        ]
    del g.node[:]
    g.node.extend(new_nodes)
    kept = [i for i in g.initializer if i.name not in drop]
    del g.initializer[:]
    g.initializer.extend(kept)
    quantize_remaining_weights(m)
    onnx.checker.check_model(m)
    onnx.save(m, str(dst))


def quantize_remaining_weights(m: onnx.ModelProto, min_elements: int = 1024) -> None:
    """Weight-only int8 for the other large float matrices (embedding tables, pooler): stored as
    int8 + scale and expanded by a DequantizeLinear node at load time."""
    g = m.graph
    front = []
    for init in list(g.initializer):
        if init.data_type != TensorProto.FLOAT or len(init.dims) != 2 or init.dims[0] * init.dims[1] < min_elements:
            continue
        arr = numpy_helper.to_array(init)
        scale = float(np.abs(arr).max()) / 127.0 or 1.0
        q = np.clip(np.round(arr / scale), -127, 127).astype(np.int8)
        name = init.name
        g.initializer.remove(init)
        g.initializer.extend([numpy_helper.from_array(q, f"{name}_wq"), numpy_helper.from_array(np.array(scale, dtype=np.float32), f"{name}_wscale"),
                              numpy_helper.from_array(np.array(0, dtype=np.int8), f"{name}_wzero")])
        front.append(helper.make_node("DequantizeLinear", [f"{name}_wq", f"{name}_wscale", f"{name}_wzero"], [name], name=f"{name}_dequantize"))
    nodes = front + list(g.node)
    del g.node[:]
    g.node.extend(nodes)


# ---------------------------------------------------------------------------------------------
# Synthetic training sets
# ---------------------------------------------------------------------------------------------


def nli_example(rng: random.Random):
    obj = rng.choice(OBJECTS)
    s_neg = rng.random() < 0.3
    kind = rng.choice(["entailment", "contradiction", "neutral"])
    if kind == "neutral":
        same_topic = rng.random() < 0.2
        other = rng.choice([o for o in OBJECTS if o != obj and (OBJ_TOPIC[o] == OBJ_TOPIC[obj]) == same_topic])
        r = response(rng, other, rng.random() < 0.5)
    else:
        r = response(rng, obj, s_neg if kind == "entailment" else not s_neg)
    s = statement(rng, obj, s_neg)
    return (r, s, kind) if rng.random() < 0.5 else (s, r, kind)


def relevance_example(rng: random.Random):
    topic = rng.choice(list(TOPICS))
    if rng.random() < 0.7:
        q = rng.choice(QUERY_TEMPLATES).format(o=rng.choice(TOPICS[topic]["objects"]))
    else:
        q = rng.choice(TOPIC_QUERY_TEMPLATES).format(w=rng.choice(TOPICS[topic]["words"]))
    rel = rng.random() < 0.5
    st_topic = topic if rel else rng.choice([t for t in TOPICS if t != topic])
    if rng.random() < 0.75:
        s = statement(rng, rng.choice(TOPICS[st_topic]["objects"]), rng.random() < 0.3)
    else:
        s = rng.choice(STATEMENT_EXTRA).format(w=rng.choice(TOPICS[st_topic]["words"]))
    return q, s, 1.0 if rel else 0.0


TOX_LABELS_FIXTURE = ["insult", "toxic", "threat", "identity_hate", "obscene", "severe_toxic"]  # real toxic-bert: toxic, severe_toxic, obscene, threat, insult, identity_hate


def toxicity_example(rng: random.Random):
    toxic = rng.random() < 0.5
    n_neutral = rng.choice([0, 1, 1, 2]) if toxic else rng.choice([1, 1, 2])
    parts = [rng.choice(NEUTRAL_SENTENCES) if rng.random() < 0.5 else response(rng, rng.choice(OBJECTS), rng.random() < 0.3).rstrip(" .")
             for _ in range(n_neutral)]
    flags = {k: 0.0 for k in TOX_LABELS_FIXTURE}
    n_toxic = 0
    if toxic:
        kinds = rng.sample(["insult", "obscene", "threat", "identity"], k=rng.choice([1, 1, 1, 2]))
        for kind in kinds:
            if kind == "insult":
                parts.append(rng.choice([f"you are a {rng.choice(INSULTS)}", f"you {rng.choice(INSULTS)}", f"what a {rng.choice(INSULTS)}",
                                         f"you are {rng.choice(INSULTS)} and {rng.choice(INSULTS)}", f"you are a {rng.choice(INSULTS)} {rng.choice(INSULTS)}"]))
                flags["insult"] = 1.0
            elif kind == "obscene":
                parts.append(rng.choice([f"this is {rng.choice(OBSCENE)}", f"{rng.choice(OBSCENE)} it", f"it {rng.choice(OBSCENE)}"]))
                flags["obscene"] = 1.0
            elif kind == "threat":
                parts.append(rng.choice(THREATS))
                flags["threat"] = 1.0
            else:
                parts.append(f"all {rng.choice(GROUPS)} are {rng.choice(INSULTS)}")
                flags["identity_hate"] = flags["insult"] = 1.0
            n_toxic += 1
        flags["toxic"] = 1.0
        if n_toxic >= 2:
            flags["severe_toxic"] = 1.0
    rng.shuffle(parts)
    return rng.choice([" . ", " , ", " ! ", " "]).join(parts) + rng.choice([" .", " !", ""]), [flags[k] for k in TOX_LABELS_FIXTURE]


def embedding_example(rng: random.Random):
    topic = rng.choice(list(TOPICS))
    obj = rng.choice(TOPICS[topic]["objects"])
    c = rng.random()
    if c < 0.4:
        t = statement(rng, obj, rng.random() < 0.3)
    elif c < 0.7:
        t = response(rng, obj, rng.random() < 0.3)
    elif c < 0.85:
        t = rng.choice(QUERY_TEMPLATES).format(o=obj)
    else:
        t = rng.choice(STATEMENT_EXTRA).format(w=rng.choice(TOPICS[topic]["words"]))
    return t, list(TOPICS).index(topic)


# ---------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------

# Classifiers need a little more width to learn the cross-sentence rules within a few hundred steps;
# the embedding model learns its rule at half the width (and ships as fp32, the dtype the others do not use).
TINY = dict(h=64, layers=2, heads=4, inter=128, max_pos=64)
TINY_EMB = dict(h=32, layers=2, heads=2, inter=64, max_pos=64)


def new_model(tok: "WordPiece", shape: dict, num_labels: int | None) -> "MiniBert":
    return MiniBert(len(tok.vocab), shape["h"], shape["layers"], shape["heads"], shape["inter"], shape["max_pos"], num_labels)


def train(model, batch_fn, loss_fn, eval_fn, max_steps: int, target: float, lr: float = 1e-3, label: str = "") -> dict:
    """AdamW with warm-up; stops early once the held-out metric reaches `target` (checked every 100 steps)."""
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    warm = 50
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm))
    t0 = time.time()
    metric, step = 0.0, 0
    for step in range(1, max_steps + 1):
        model.train()
        loss = loss_fn(model, batch_fn())
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if step % 100 == 0 or step == max_steps:
            model.eval()
            with torch.no_grad():
                metric = eval_fn(model)
            print(f"  {label} step {step}: loss {loss.item():.3f}, held-out {metric:.3f} ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
            if metric >= target:
                break
    model.eval()
    return {"steps": step, "train_seconds": round(time.time() - t0, 1), "held_out_metric": round(metric, 4)}


def held_out(example_fn, n: int, seed: int) -> list:
    """A fixed evaluation set drawn from its own random stream."""
    rng = random.Random(seed)
    return [example_fn(rng) for _ in range(n)]


def contrastive_loss(tok: WordPiece):
    def loss(model, ex):
        ids, mask, types = tok.batch([(t, None) for t, _ in ex])
        e = F.normalize(mean_pool(model(ids, mask, types), mask), dim=-1)
        y = torch.tensor([c for _, c in ex])
        eye = torch.eye(len(ex), dtype=torch.bool)
        sim = (e @ e.T / 0.1).masked_fill(eye, -1e4)
        pos = (y[:, None] == y[None, :]) & ~eye
        return -(sim.log_softmax(-1) * pos).sum(-1).div(pos.sum(-1).clamp(min=1)).mean()
    return loss


def topic_nn_accuracy(tok: WordPiece, ex):
    def ev(model):
        ids, mask, types = tok.batch([(t, None) for t, _ in ex])
        e = F.normalize(mean_pool(model(ids, mask, types), mask), dim=-1)
        y = torch.tensor([c for _, c in ex])
        sim = e @ e.T
        sim.fill_diagonal_(-2)
        return float((y[sim.argmax(-1)] == y).float().mean())
    return ev


def pretrain_base(tok: WordPiece, rng: random.Random, shape: dict, label: str) -> tuple[MiniBert, dict]:
    """An encoder trained to group sentences by topic: the 'pretrained' start of the classifiers."""
    model = new_model(tok, shape, None)
    held = held_out(embedding_example, 400, 996)
    info = train(model, lambda: [embedding_example(rng) for _ in range(64)], contrastive_loss(tok), topic_nn_accuracy(tok, held),
                 max_steps=600, target=0.99, lr=3e-3, label=label)
    return model, info


def from_base(tok: WordPiece, base: MiniBert, num_labels: int) -> MiniBert:
    model = new_model(tok, TINY, num_labels)
    missing, unexpected = model.load_state_dict(base.state_dict(), strict=False)
    assert not unexpected and all(k.startswith(("pooler", "classifier")) for k in missing), (missing, unexpected)
    return model


NLI_INDEX = {"neutral": 0, "contradiction": 1, "entailment": 2}
NLI_LABELS_FIXTURE = ["NEUTRAL", "CONTRADICTION", "ENTAILMENT"]  # real DeBERTa cross-encoder: contradiction, entailment, neutral


def make_nli(tok: WordPiece, rng: random.Random, base: MiniBert):
    model = from_base(tok, base, 3)
    held = held_out(nli_example, 600, 999)
    held_t = tok.batch([(a, b) for a, b, _ in held]), torch.tensor([NLI_INDEX[k] for *_, k in held])

    def loss(m, ex):
        ids, mask, types = tok.batch([(a, b) for a, b, _ in ex])
        return F.cross_entropy(m(ids, mask, types), torch.tensor([NLI_INDEX[k] for *_, k in ex]))

    def ev(m):
        return float((m(*held_t[0]).argmax(-1) == held_t[1]).float().mean())

    info = train(model, lambda: [nli_example(rng) for _ in range(64)], loss, ev, max_steps=3000, target=0.97, label="nli")
    return model, NLI_LABELS_FIXTURE, {**info, "held_out_metric_name": "accuracy", "held_out_examples": len(held)}


def make_relevance(tok: WordPiece, rng: random.Random, base: MiniBert):
    model = from_base(tok, base, 1)
    held = held_out(relevance_example, 600, 998)
    held_t = tok.batch([(q, s) for q, s, _ in held]), torch.tensor([y for *_, y in held])

    def loss(m, ex):
        ids, mask, types = tok.batch([(q, s) for q, s, _ in ex])
        return F.binary_cross_entropy_with_logits(m(ids, mask, types)[:, 0], torch.tensor([y for *_, y in ex]))

    def ev(m):
        return float(((m(*held_t[0])[:, 0] > 0).float() == held_t[1]).float().mean())

    info = train(model, lambda: [relevance_example(rng) for _ in range(64)], loss, ev, max_steps=1500, target=0.98, label="relevance")
    return model, ["LABEL_0"], {**info, "held_out_metric_name": "accuracy", "held_out_examples": len(held)}


def make_toxicity(tok: WordPiece, rng: random.Random, base: MiniBert):
    model = from_base(tok, base, 6)
    held = held_out(toxicity_example, 600, 997)
    held_t = tok.batch([(t, None) for t, _ in held]), torch.tensor([y for _, y in held])

    def loss(m, ex):
        ids, mask, types = tok.batch([(t, None) for t, _ in ex])
        return F.binary_cross_entropy_with_logits(m(ids, mask, types), torch.tensor([y for _, y in ex]))

    def ev(m):
        return float(((m(*held_t[0]) > 0).float() == held_t[1]).float().mean())

    info = train(model, lambda: [toxicity_example(rng) for _ in range(64)], loss, ev, max_steps=1500, target=0.995, label="toxicity")
    return model, TOX_LABELS_FIXTURE, {**info, "held_out_metric_name": "per-label accuracy", "held_out_examples": len(held)}


def make_embedding(tok: WordPiece, rng: random.Random, base: MiniBert | None = None):
    model, info = pretrain_base(tok, rng, TINY_EMB, "embedding")
    return model, None, {**info, "held_out_metric_name": "nearest-neighbour topic accuracy", "held_out_examples": 400}


# ---------------------------------------------------------------------------------------------
# Writing a repo laid out like the hub
# ---------------------------------------------------------------------------------------------


def write_config(path: Path, shape: dict, vocab_size: int, labels: list[str] | None, arch: str, extra: dict) -> None:
    cfg = {
        "_name_or_path": extra.pop("_name_or_path"),
        "architectures": [arch],
        "model_type": "bert",
        "vocab_size": vocab_size,
        "hidden_size": shape["h"],
        "num_hidden_layers": shape["layers"],
        "num_attention_heads": shape["heads"],
        "intermediate_size": shape["inter"],
        "max_position_embeddings": shape["max_pos"],
        "type_vocab_size": 2,
        "hidden_act": "gelu",
        "layer_norm_eps": 1e-12,
        "pad_token_id": 0,
        "transformers_version": "4.46.0",
    }
    if labels is not None:
        cfg["id2label"] = {str(i): l for i, l in enumerate(labels)}
        cfg["label2id"] = {l: i for i, l in enumerate(labels)}
    cfg.update(extra)
    path.write_text(json.dumps(cfg, indent=2) + "\n")


def write_repo(root: Path, name: str, model: MiniBert, tok: WordPiece, labels, arch: str, shape: dict, vocab_size: int,
               dtypes: list[str], extra: dict) -> dict:
    repo = root / ORG / name
    if repo.exists():
        shutil.rmtree(repo)
    (repo / "onnx").mkdir(parents=True)
    write_config(repo / "config.json", shape, vocab_size, labels, arch, {"_name_or_path": f"{ORG}/{name}", **extra})
    (repo / "tokenizer.json").write_text(json.dumps(tokenizer_json(tok.vocab), ensure_ascii=False, separators=(",", ":")) + "\n")
    (repo / "tokenizer_config.json").write_text(json.dumps(tokenizer_config(tok.max_len), indent=2) + "\n")
    fp32 = repo / "onnx" / "model.onnx"
    export_onnx(model, fp32)
    if "q8" in dtypes:
        quantize_dynamic(fp32, repo / "onnx" / "model_quantized.onnx")
    if "fp32" not in dtypes:
        fp32.unlink()
    files = {}
    for f in sorted(repo.rglob("*")):
        if f.is_file():
            files[str(f.relative_to(repo))] = {"bytes": f.stat().st_size, "sha256": hashlib.sha256(f.read_bytes()).hexdigest()}
    return {"repo": f"{ORG}/{name}", "files": files, "bytes": sum(v["bytes"] for v in files.values())}


def make_fixtures(only: list[str] | None = None) -> None:
    torch.set_num_threads(1)  # tiny tensors: extra threads only spin (measured: several times slower with 2)
    vocab = build_vocab()
    tok = WordPiece(vocab, TINY["max_pos"])
    FIXTURE_DIR.mkdir(parents=True, exist_ok=True)
    manifest_path = FIXTURE_DIR / "manifest.json"
    old = json.loads(manifest_path.read_text()) if manifest_path.exists() and only else {}
    manifest = {
        "generator": "scripts/make-fixture-models.py",
        "generator_version": GENERATOR_VERSION,
        "note": "Test doubles trained on synthetic rules; never offer them as scorers. Metrics are measured on held-out synthetic examples at generation time.",
        "torch": torch.__version__,
        "onnx": onnx.__version__,
        "models": old.get("models", {}),
    }

    jobs = [
        ("nli", "tiny-nli", make_nli, "BertForSequenceClassification", ["q8"], TINY, {"problem_type": "single_label_classification"}),
        ("relevance", "tiny-relevance", make_relevance, "BertForSequenceClassification", ["q8"], TINY, {"problem_type": "regression"}),
        ("toxicity", "tiny-toxicity", make_toxicity, "BertForSequenceClassification", ["q8"], TINY, {"problem_type": "multi_label_classification"}),
        ("embedding", "tiny-embedding", make_embedding, "BertModel", ["fp32"], TINY_EMB, {}),  # fp32: the dtype path the others do not take
    ]
    base = None
    for role, name, fn, arch, dtypes, shape, extra in jobs:
        if only and role not in only:
            continue
        seed = {"nli": 1, "relevance": 2, "toxicity": 3, "embedding": 4}[role]
        if base is None and shape is TINY:
            torch.manual_seed(0)
            base, base_info = pretrain_base(tok, random.Random(0), TINY, "base")
            print(f"base encoder: {base_info}", file=sys.stderr)
        rng = random.Random(seed)
        torch.manual_seed(seed)
        model, labels, metrics = fn(tok, rng, base)
        info = write_repo(FIXTURE_DIR, name, model, tok, labels, arch, shape, len(vocab), dtypes, dict(extra))
        info.update({"role": role, "labels": labels, "dtypes": dtypes, "metrics": metrics})
        manifest["models"][role] = info
        print(f"{role:10s} {info['repo']}: {info['bytes']} bytes, {metrics}", file=sys.stderr)

    samples = ["I love cooking.", "Yes, I don't enjoy JAZZ every day!", "you are a stupid idiot", "Zoë plays xylophone", "Do you like hiking?"]
    manifest["tokenizer_samples"] = [{"text": s, "input_ids": tok.encode(s)[0]} for s in samples]
    manifest["tokenizer_pair_samples"] = [{"text": a, "text_pair": b, "input_ids": tok.encode(a, b)[0], "token_type_ids": tok.encode(a, b)[1]}
                                          for a, b in [("i love jazz .", "i do not love jazz ."), ("do you like tennis ?", "i am a athlete .")]]
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")


# ---------------------------------------------------------------------------------------------
# Real-sized random-weight models for benchmarks (not committed)
# ---------------------------------------------------------------------------------------------

BENCH_SHAPES = {
    "minilm-l6": dict(h=384, layers=6, heads=12, inter=1536, max_pos=512),
    "bert-base": dict(h=768, layers=12, heads=12, inter=3072, max_pos=512),
}
BENCH_MODELS = [
    # (name, shape, role, labels or None for feature extraction)
    ("bench-minilm-l6-nli", "minilm-l6", "nli", ["contradiction", "entailment", "neutral"]),
    ("bench-minilm-l6-relevance", "minilm-l6", "relevance", ["LABEL_0"]),
    ("bench-minilm-l6-embedding", "minilm-l6", "embedding", None),
    ("bench-bert-base-toxicity", "bert-base", "toxicity", ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]),
    ("bench-bert-base-nli", "bert-base", "nli", ["contradiction", "entailment", "neutral"]),
]


def make_bench(out: Path, only: list[str] | None) -> None:
    torch.manual_seed(0)
    vocab = build_vocab()
    vocab_size = 30522  # bert-base-uncased / MiniLM vocabulary size; the tokenizer only uses the first ids
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / "manifest.json"
    old = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    manifest = {"generator": "scripts/make-fixture-models.py --bench", "note": "random weights: for speed only, outputs are meaningless",
                "models": old.get("models", {})}
    for name, shape_name, role, labels in BENCH_MODELS:
        if only and name not in only:
            continue
        shape = BENCH_SHAPES[shape_name]
        t0 = time.time()
        model = MiniBert(vocab_size, shape["h"], shape["layers"], shape["heads"], shape["inter"], shape["max_pos"], len(labels) if labels else None)
        for p in model.parameters():
            nn.init.normal_(p, std=0.02) if p.dim() > 1 else nn.init.zeros_(p)
        tok = WordPiece(vocab, shape["max_pos"])
        arch = "BertModel" if labels is None else "BertForSequenceClassification"
        info = write_repo(out, name, model, tok, labels, arch, shape, vocab_size, ["q8", "fp32"], {})
        info.update({"role": role, "shape": shape_name, "seconds": round(time.time() - t0, 1)})
        manifest["models"][name] = info
        print(f"{name}: {info['bytes'] / 1e6:.1f} MB in {info['seconds']} s", file=sys.stderr)
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", action="store_true", help="generate real-sized random-weight models instead of the fixtures")
    ap.add_argument("--out", type=Path, default=None, help=f"output folder for --bench (default {BENCH_DIR.relative_to(ROOT)})")
    ap.add_argument("--only", nargs="*", help="only these fixtures (nli, relevance, toxicity, embedding) or, with --bench, these model names")
    args = ap.parse_args()
    if args.bench:
        make_bench(args.out or BENCH_DIR, args.only)
    else:
        make_fixtures(args.only)


if __name__ == "__main__":
    main()
