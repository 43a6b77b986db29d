"""The sidecar of the shipped tagger model (``framing/data/pos-ewt.json``): what does not change per run.

:func:`framing.evaluation.tagger.main` (``train``) adds the file's hash,
size, training settings and test accuracy.
"""

from __future__ import annotations

from typing import Any

from ..tagger import MODEL_NAME

__all__ = ["LEXICON_PROVENANCE", "SIDECAR"]

SIDECAR: dict[str, Any] = {
    "name": MODEL_NAME,
    "description": "Universal POS tagger for framing's word tokens: NLTK's averaged perceptron "
                   "with framing's feature set 'framing-3' (framing.tagger.perceptron_class), "
                   "trained on UD English EWT train re-tokenized by framing.text.tokenize, with the "
                   "punctuation between words as context tokens (framing.tagger.tagger_input); the "
                   "features read distributional word classes shipped in the model, built from permissively "
                   "licensed text (see 'lexicon').",
    "tagset": "UPOS",
    "format": "gzipped JSON {weights: {feature: {tag: weight}}, tagdict: {word: tag}, classes: [tag], "
              "features: name, lexicon: {word_classes: {sizes: [k], classes: {word: [class per size]}, "
              "...}}}, loaded into framing.tagger.perceptron_class(features)(load=False), "
              "a subclass of nltk.tag.perceptron.PerceptronTagger",
    "licence": "CC-BY-SA-4.0",
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "licence_note": "The weights are a work derived from the UD English Web Treebank annotations and are "
                    "shared under the same licence (CC BY-SA 4.0), unlike framing's code (BSD-3-Clause). "
                    "The word classes in the model are derived from EWT train text (CC BY-SA 4.0), "
                    "Wikipedia sentences of CoNLL-2010 (CC BY-SA) and NewsMTSC train sentences (MIT, "
                    "framing/data/newsmtsc_LICENSE.txt); see 'lexicon'.",
    "attribution": "Trained on the Universal Dependencies English Web Treebank. Annotations (c) 2013-2021 "
                   "The Board of Trustees of The Leland Stanford Junior University, CC BY-SA 4.0. "
                   "Contributors: Natalia Silveira, Timothy Dozat, Christopher Manning, Sebastian Schuster, "
                   "Ethan Chi, John Bauer, Miriam Connor, Marie-Catherine de Marneffe, Nathan Schneider, "
                   "Sam Bowman, Hanzhi Zhu, Daniel Galbraith. Underlying texts from the LDC English Web "
                   "Treebank (LDC2012T13).",
    "citation": "Silveira, N., Dozat, T., de Marneffe, M.-C., Bowman, S., Connor, M., Bauer, J. & Manning, "
                "C. D. (2014). A Gold Standard Dependency Corpus for English. Proceedings of LREC 2014.",
    "treebank": {
        "name": "UD_English-EWT",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "version": "commit 15d613d8 (README changelog up to v2.16, 2025-05-15)",
        "splits": "train for training, test for the accuracy below, as published (CoNLL-U)",
    },
    "method": "Collins (2002) averaged perceptron as implemented by Honnibal (2013) in NLTK",
}

LEXICON_PROVENANCE: dict[str, Any] = {
    "word_classes_corpora": {
        "ewt-train": "UD English EWT train sentence texts (# text), CC BY-SA 4.0 (attribution above); "
                     "never dev or test",
        "newsmtsc-train": "NewsMTSC train sentences (Hamborg & Donnay, EACL 2021), MIT licence, "
                          "framing/data/newsmtsc_LICENSE.txt; https://github.com/fhamborg/NewsMTSC",
        "conll2010-wiki": "CoNLL-2010 shared task Wikipedia sentences (Farkas et al., CoNLL 2010), "
                          "Wikipedia text, CC BY-SA; PTB brackets and quotes mapped back",
    },
    "word_classes_command": "nice python -m framing.evaluation.wordclasses --data-home DIR "
                            "(the train command builds the same classes itself)",
}
