#include "training/trainingtext.h"

#include "common/uitext.h"

#include <QCoreApplication>

#include <cmath>

namespace logitlab::ui {
namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("logitlab::ui::TrainingText", text);
}
} // namespace

QString headText(Head h)
{
    switch (h) {
    case Head::Softmax: return tr("softmax output, -log(p) (probabilities)");
    case Head::SoftmaxClipped: return tr("softmax output, clipped to [1e-7, 1-1e-7] (Keras)");
    case Head::Logits: return tr("linear output, cross-entropy from_logits");
    case Head::Sigmoid: return tr("sigmoid output, binary cross-entropy (probabilities)");
    case Head::SigmoidClipped: return tr("sigmoid output, clipped (Keras)");
    case Head::SigmoidLogits: return tr("linear output, binary cross-entropy from_logits");
    }
    return {};
}

QString headShort(Head h)
{
    switch (h) {
    case Head::Softmax: return tr("softmax");
    case Head::SoftmaxClipped: return tr("softmax clipped");
    case Head::Logits: return tr("from_logits");
    case Head::Sigmoid: return tr("sigmoid");
    case Head::SigmoidClipped: return tr("sigmoid clipped");
    case Head::SigmoidLogits: return tr("sigmoid from_logits");
    }
    return {};
}

QString configErrorText(TrainConfigError e)
{
    switch (e) {
    case TrainConfigError::None: return {};
    case TrainConfigError::EmptyTrainingSet: return tr("the training set is empty");
    case TrainConfigError::FeatureCountMismatch: return tr("training and test samples differ in size");
    case TrainConfigError::TooFewClasses: return tr("the task has fewer than two classes");
    case TrainConfigError::BinaryHeadNeedsTwoClasses:
        return tr("a sigmoid head needs a two-class task: choose two digits or one digit against the rest, or the "
                  "xor or circles set");
    case TrainConfigError::BadLayerWidth: return tr("hidden layer widths must be between 1 and 65536");
    case TrainConfigError::BadBatchSize: return tr("the batch size must be between 1 and 65536");
    case TrainConfigError::BadEpochs: return tr("the number of epochs must be at least 0");
    case TrainConfigError::BadLearningRate: return tr("the learning rate must be a positive finite number");
    case TrainConfigError::BadDecay: return tr("the decay rate must be in (0, 1] and its interval at least 1");
    case TrainConfigError::BadL2: return tr("L2 must be a finite number >= 0");
    case TrainConfigError::BadInitScale: return tr("the init scale must be a positive finite number");
    case TrainConfigError::BadOptimizerParameter: return tr("an optimiser parameter is out of range");
    case TrainConfigError::UnsupportedFormat: return tr("training runs in float32 or float64");
    }
    return {};
}

QString presetText(std::string_view english)
{
    const QByteArray source(english.data(), qsizetype(english.size()));
    return QCoreApplication::translate("logitlab::ui::Presets", source.constData());
}

QString runName(int run)
{
    return run == 0 ? tr("A") : tr("B");
}

QString nonFiniteEventText(int run, long long step, Head head, Format format, bool lossNonFinite, double loss,
    bool hasOther, bool otherClean, Head otherHead)
{
    const QString what
        = lossNonFinite ? (std::isnan(loss) ? tr("NaN") : tr("inf")) : tr("finite, but its gradient NaN/inf");
    QString text = tr("Run %1: the loss became %2 at step %3 — ").arg(runName(run), what).arg(step);
    switch (head) {
    case Head::Softmax:
        text += tr("the softmax probability of the true class underflowed to 0 in %1, so -log(p) = inf, and its "
                   "gradient (-1/p) * p = inf * 0 is NaN, which spreads into the weights.")
                    .arg(formatText(format));
        break;
    case Head::Sigmoid:
    case Head::SigmoidClipped:
        text += tr("sigmoid(z) rounded to exactly 1 (or 0) in %1 for a large logit, so log(1 - p) = log(0) = -inf; "
                   "the gradient inf * 0 is NaN and spreads into every weight.")
                    .arg(formatText(format));
        break;
    case Head::SoftmaxClipped:
    case Head::Logits:
    case Head::SigmoidLogits:
        text += tr("this head cannot overflow for finite logits, so the weights themselves overflowed: the "
                   "learning rate or the init scale is too large.");
        break;
    }
    if (hasOther)
        text += QLatin1Char(' ')
            + (otherClean ? tr("Run %1 (%2) is unaffected so far.") : tr("Run %1 (%2) has NaN/inf events too."))
                  .arg(runName(1 - run), headShort(otherHead));
    return text;
}

QString saturationText(int run, long long step, Head head, long long dead, long long total, bool hasOther,
    long long otherDead, Head otherHead)
{
    QString text = tr("Run %1 at step %2: %3 of %4 test samples are misclassified with a gradient of exactly 0")
                       .arg(runName(run))
                       .arg(step)
                       .arg(dead)
                       .arg(total);
    if (head == Head::SoftmaxClipped || head == Head::SigmoidClipped)
        text += tr(" — their probability of the true class is clipped at 1e-7, the loss is stuck at "
                   "-log(1e-7) = 16.118 and the clip passes back no gradient, so they teach nothing.");
    else
        text += tr(" — the probability of the true class rounded to 0 or 1, so the gradient vanished.");
    if (hasOther)
        text += QLatin1Char(' ')
            + tr("Run %1 (%2) has %3 such samples.").arg(runName(1 - run), headShort(otherHead)).arg(otherDead);
    return text;
}

} // namespace logitlab::ui
