// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The Training lab's words: head and optimiser names, configuration errors, the presets'
 * titles and explanations (translated by their English text), and the plain-words account of a
 * NaN/inf or saturation event.
 */
#include "nn/outputhead.h"
#include "nn/presets.h"
#include "nn/trainconfig.h"

#include <QString>

namespace logitlab::ui {

/** "softmax + log (probabilities)" etc. */
QString headText(Head h);
/** A short label for legends: "softmax", "from_logits"... */
QString headShort(Head h);
/** Why a configuration cannot run. */
QString configErrorText(TrainConfigError e);
/**
 * A preset's title and explanation through the translator. Core holds the English source; the UI
 * keeps a literal copy per preset name (context "logitlab::ui::Presets") for lupdate. Should the
 * copy differ from core's text, core's English is shown.
 */
QString presetTitle(const Preset &p);
QString presetExplanation(const Preset &p);
/** Whether the window has a title and explanation for \a p (every preset must). */
bool hasPresetWords(const Preset &p);
/** "A" or "B". */
QString runName(int run);

/**
 * The first NaN/inf event of run \a run at \a step, in plain words: what became non-finite and
 * why, for the head \a head in \a format; \a otherClean says whether the other run (with head
 * \a otherHead) has had none.
 */
QString nonFiniteEventText(int run, long long step, Head head, Format format, bool lossNonFinite, double loss,
    bool hasOther, bool otherClean, Head otherHead);

/** The saturation account: \a dead of \a total misclassified test samples have a zero gradient. */
QString saturationText(int run, long long step, Head head, long long dead, long long total, bool hasOther,
    long long otherDead, Head otherHead);

} // namespace logitlab::ui
