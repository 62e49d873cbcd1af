// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainingtext.h"

#include "common/uitext.h"

#include <QCoreApplication>

#include <cmath>

namespace logitlab::ui {
namespace {
/** \brief Translation context of these free functions (lupdate reads the macro's argument). */
struct TrainingText {
    Q_DECLARE_TR_FUNCTIONS(logitlab::ui::TrainingText)
};

/**
 * \brief The presets' title and explanation for the teacher, by preset name: the only copy
 * (core holds no words), translated through lupdate's extraction of these literals.
 */
struct PresetWords {
    const char *name;
    const char *title;
    const char *explanation;
};

constexpr PresetWords presetWords[] = {
    {"course",
        QT_TRANSLATE_NOOP("logitlab::ui::Presets", "The course network: softmax output and from_logits train alike"),
        QT_TRANSLATE_NOOP("logitlab::ui::Presets",
            "This is the network from the course: 784 inputs, hidden layers of 25 and 15 ReLU units, "
            "10 outputs, plain SGD with learning rate 0.1 and batches of 32, for 10 epochs on 8,000 "
            "MNIST digits. The two runs start from the same weights and see the same batches; one "
            "ends in a softmax layer and takes the log of its probabilities, the other hands the "
            "raw logits to a cross-entropy that applies log-sum-exp itself. With weights this small "
            "the logits stay moderate, no probability rounds to zero, and both reach about 93% on "
            "the 2,000 test digits. The danger of the probability path is invisible here.")},
    {"large-logits",
        QT_TRANSLATE_NOOP("logitlab::ui::Presets",
            "Large logits: the clipped probability path saturates, from_logits keeps learning"),
        QT_TRANSLATE_NOOP("logitlab::ui::Presets",
            "Same data and layer sizes, with tanh hidden units and initial weights 8 times larger "
            "than Glorot's, so the first logits reach about 30 and many digits start out confidently "
            "wrong. The softmax of such logits gives the true class a probability below 1e-7. Keras "
            "clips that probability to 1e-7, so the loss of those digits is stuck at "
            "-log(1e-7) = 16.118 and the clip passes back a gradient of exactly 0: about a third of "
            "the training set teaches the network nothing at first. The from_logits twin computes "
            "log-sum-exp directly, has a finite loss with gradient softmax - one-hot for every digit, "
            "learns from all of them and ends clearly ahead.")},
    {"float-vs-double", QT_TRANSLATE_NOOP("logitlab::ui::Presets", "float32 versus float64 on the same run"),
        QT_TRANSLATE_NOOP("logitlab::ui::Presets",
            "The course network trained twice from the same initial weights (rounded to float32 "
            "once, so both start equal) on the same batches, once computing in float32 and once in "
            "float64. Rounding differences of about 1e-7 per operation grow through the steps, so "
            "the weights soon differ in their later digits, yet the learning curves and the final "
            "accuracy are practically the same: for training this network, float32 is plenty, and "
            "the stable from_logits loss matters far more than the extra precision.")},
    {"binary-sigmoid",
        QT_TRANSLATE_NOOP(
            "logitlab::ui::Presets", "Binary task: sigmoid output versus binary cross-entropy from logits"),
        QT_TRANSLATE_NOOP("logitlab::ui::Presets",
            "A two-digit task, 4 against 9, with one output unit, tanh hidden units and initial "
            "weights 16 times larger than Glorot's, so the first logits reach about 50. The sigmoid "
            "twin computes p = 1/(1 + exp(-z)) and then log(p) and log(1 - p): in float32, p rounds "
            "to exactly 1 once z passes about 17, so a confidently wrong digit gives log(0), an "
            "infinite loss, and a gradient of inf * 0 = NaN that spreads into every weight in the "
            "first batch; the network never recovers. The from-logits twin computes "
            "max(z, 0) - z y + log1p(exp(-|z|)), finite for every z, with gradient sigmoid(z) - y, "
            "and trains normally.")},
    {"float16-adam",
        QT_TRANSLATE_NOOP("logitlab::ui::Presets", "float16 with Adam: collapse, and the mixed-precision fix"),
        QT_TRANSLATE_NOOP("logitlab::ui::Presets",
            "The course network with Adam, trained entirely in float16 (A) and in float16 with float32 master "
            "weights and dynamic loss scaling (B), from the same rounded initial weights. In float16 Adam's "
            "second moment (1 - 0.999) g^2 underflows to 0 for any gradient below 0.0077, and its epsilon 1e-7 "
            "becomes 1.2e-7, so the step lr m / (sqrt(v) + epsilon) is thousands of times too large: the "
            "logits overflow and the loss turns NaN in the first epoch, with the accuracy stuck at 10%, as "
            "reported against Chainer and Keras. B keeps the weights and Adam's state in float32 (the forward "
            "and backward passes still run in float16) and scales the loss by 65,536 so that small gradients "
            "stay above float16's underflow; it trains to about 91% (Micikevicius et al., ICLR 2018).")},
    {"bfloat16-lost-updates",
        QT_TRANSLATE_NOOP(
            "logitlab::ui::Presets", "bfloat16 with a small learning rate: lost updates, and stochastic rounding"),
        QT_TRANSLATE_NOOP("logitlab::ui::Presets",
            "SGD with learning rate 0.003, everything in bfloat16. bfloat16 keeps only 8 significant bits, so "
            "1 + 2^-9 rounds back to 1: a weight changes only if its step is at least half a unit in its last "
            "place, and here over 90% of the steps are smaller. Those updates are lost, and A barely learns "
            "(about 25% after 5 epochs). B rounds each new weight up or down at random, with probabilities "
            "that make its expected value exact (stochastic rounding, Gupta et al. 2015): small steps "
            "accumulate on average and B learns like float32 (about 67%).")},
};

const PresetWords *findPresetWords(std::string_view name)
{
    for (const PresetWords &w : presetWords)
        if (name == w.name)
            return &w;
    return nullptr;
}

QString presetWord(const char *text)
{
    return text ? QCoreApplication::translate("logitlab::ui::Presets", text) : QString();
}
} // namespace

QString headText(Head h)
{
    switch (h) {
    case Head::Softmax: return TrainingText::tr("softmax output, -log(p) (probabilities)");
    case Head::SoftmaxClipped: return TrainingText::tr("softmax output, clipped to [1e-7, 1-1e-7] (Keras)");
    case Head::Logits: return TrainingText::tr("linear output, cross-entropy from_logits");
    case Head::Sigmoid: return TrainingText::tr("sigmoid output, binary cross-entropy (probabilities)");
    case Head::SigmoidClipped: return TrainingText::tr("sigmoid output, clipped (Keras)");
    case Head::SigmoidLogits: return TrainingText::tr("linear output, binary cross-entropy from_logits");
    }
    return {};
}

QString headShort(Head h)
{
    switch (h) {
    case Head::Softmax: return TrainingText::tr("softmax");
    case Head::SoftmaxClipped: return TrainingText::tr("softmax clipped");
    case Head::Logits: return TrainingText::tr("from_logits");
    case Head::Sigmoid: return TrainingText::tr("sigmoid");
    case Head::SigmoidClipped: return TrainingText::tr("sigmoid clipped");
    case Head::SigmoidLogits: return TrainingText::tr("sigmoid from_logits");
    }
    return {};
}

QString configErrorText(TrainConfigError e)
{
    switch (e) {
    case TrainConfigError::None: return {};
    case TrainConfigError::EmptyTrainingSet: return TrainingText::tr("the training set is empty");
    case TrainConfigError::FeatureCountMismatch: return TrainingText::tr("training and test samples differ in size");
    case TrainConfigError::TooFewClasses: return TrainingText::tr("the task has fewer than two classes");
    case TrainConfigError::BinaryHeadNeedsTwoClasses:
        return TrainingText::tr(
            "a sigmoid head needs a two-class task: choose two digits or one digit against the rest, or the "
            "xor or circles set");
    case TrainConfigError::BadLayerWidth: return TrainingText::tr("hidden layer widths must be between 1 and 65536");
    case TrainConfigError::BadBatchSize: return TrainingText::tr("the batch size must be between 1 and 65536");
    case TrainConfigError::BadEpochs: return TrainingText::tr("the number of epochs must be at least 0");
    case TrainConfigError::BadLearningRate:
        return TrainingText::tr("the learning rate must be a positive finite number");
    case TrainConfigError::BadDecay:
        return TrainingText::tr("the decay rate must be in (0, 1] and its interval at least 1");
    case TrainConfigError::BadL2: return TrainingText::tr("L2 must be a finite number >= 0");
    case TrainConfigError::BadInitScale: return TrainingText::tr("the init scale must be a positive finite number");
    case TrainConfigError::BadOptimizerParameter: return TrainingText::tr("an optimiser parameter is out of range");
    case TrainConfigError::UnsupportedFormat:
        return TrainingText::tr("training runs in float16, bfloat16, float32 or float64");
    case TrainConfigError::MasterWeightsNeedSixteenBit:
        return TrainingText::tr("float32 master weights need a float16 or bfloat16 run (a float32 or float64 run is "
                                "its own master copy): choose one of those formats or turn them off under Precision");
    case TrainConfigError::StochasticNeedsNarrowFormat:
        return TrainingText::tr("stochastic rounding needs a format narrower than float64: choose another format or "
                                "turn it off under Precision");
    case TrainConfigError::BadLossScale: return TrainingText::tr("a loss-scaling option is out of range");
    case TrainConfigError::NetworkTooLarge:
        return TrainingText::tr("the network is too large: at most %L1 weights and %L2 activation values per batch "
                                "(batch size times the sum of the layer widths)")
            .arg(maxParameters)
            .arg(maxActivations);
    }
    return {};
}

QString presetTitle(const Preset &p)
{
    const PresetWords *w = findPresetWords(p.name);
    return w ? presetWord(w->title) : QString::fromUtf8(p.name.data(), qsizetype(p.name.size()));
}

QString presetExplanation(const Preset &p)
{
    const PresetWords *w = findPresetWords(p.name);
    return presetWord(w ? w->explanation : nullptr);
}

bool hasPresetWords(const Preset &p)
{
    return findPresetWords(p.name) != nullptr;
}

QString runName(int run)
{
    return run == 0 ? TrainingText::tr("A") : TrainingText::tr("B");
}

QString nonFiniteEventText(int run, long long step, Head head, Format format, bool lossNonFinite, double loss,
    bool hasOther, bool otherClean, Head otherHead)
{
    const QString what = lossNonFinite ? (std::isnan(loss) ? TrainingText::tr("NaN") : TrainingText::tr("inf"))
                                       : TrainingText::tr("finite, but its gradient NaN/inf");
    QString text = TrainingText::tr("Run %1: the loss became %2 at step %3 — ").arg(runName(run), what).arg(step);
    switch (head) {
    case Head::Softmax:
        text += TrainingText::tr(
            "the softmax probability of the true class underflowed to 0 in %1, so -log(p) = inf, and its "
            "gradient (-1/p) * p = inf * 0 is NaN, which spreads into the weights.")
                    .arg(formatText(format));
        break;
    case Head::Sigmoid:
    case Head::SigmoidClipped:
        text += TrainingText::tr(
            "sigmoid(z) rounded to exactly 1 (or 0) in %1 for a large logit, so log(1 - p) = log(0) = -inf; "
            "the gradient inf * 0 is NaN and spreads into every weight.")
                    .arg(formatText(format));
        break;
    case Head::SoftmaxClipped:
    case Head::Logits:
    case Head::SigmoidLogits:
        text += TrainingText::tr(
            "this head cannot overflow for finite logits, so the weights themselves overflowed: the "
            "learning rate or the init scale is too large.");
        break;
    }
    if (hasOther)
        text += QLatin1Char(' ')
            + (otherClean ? TrainingText::tr("Run %1 (%2) is unaffected so far.")
                          : TrainingText::tr("Run %1 (%2) has NaN/inf events too."))
                  .arg(runName(1 - run), headShort(otherHead));
    return text;
}

QString saturationText(int run, long long step, Head head, long long dead, long long total, bool hasOther,
    long long otherDead, Head otherHead)
{
    QString text
        = TrainingText::tr("Run %1 at step %2: %3 of %4 test samples are misclassified with a gradient of exactly 0")
              .arg(runName(run))
              .arg(step)
              .arg(dead)
              .arg(total);
    if (head == Head::SoftmaxClipped || head == Head::SigmoidClipped)
        text += TrainingText::tr(" — their probability of the true class is clipped at 1e-7, the loss is stuck at "
                                 "-log(1e-7) = 16.118 and the clip passes back no gradient, so they teach nothing.");
    else
        text += TrainingText::tr(" — the probability of the true class rounded to 0 or 1, so the gradient vanished.");
    if (hasOther)
        text += QLatin1Char(' ')
            + TrainingText::tr("Run %1 (%2) has %3 such samples.")
                  .arg(runName(1 - run), headShort(otherHead))
                  .arg(otherDead);
    return text;
}

} // namespace logitlab::ui
