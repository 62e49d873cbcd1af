#include "nn/presets.h"

namespace logitlab {

namespace {

TrainConfig courseConfig()
{
    TrainConfig c; // 784-25-15-10, ReLU, SGD lr 0.1, batch 32, 10 epochs, Glorot, seed 1
    c.hidden = {25, 15};
    c.activation = Activation::ReLU;
    c.optimizer = Sgd {0.1};
    c.batchSize = 32;
    c.epochs = 10;
    c.init = Init::Glorot;
    c.initScale = 1.0;
    c.seed = 1;
    return c;
}

std::vector<Preset> makePresets()
{
    std::vector<Preset> all;
    {
        Preset p;
        p.name = "course";
        p.title = "The course network: softmax output and from_logits train alike";
        p.explanation = "This is the network from the course: 784 inputs, hidden layers of 25 and 15 ReLU units, "
                        "10 outputs, plain SGD with learning rate 0.1 and batches of 32, for 10 epochs on 8,000 "
                        "MNIST digits. The two runs start from the same weights and see the same batches; one "
                        "ends in a softmax layer and takes the log of its probabilities, the other hands the "
                        "raw logits to a cross-entropy that applies log-sum-exp itself. With weights this small "
                        "the logits stay moderate, no probability rounds to zero, and both reach about 93% on "
                        "the 2,000 test digits. The danger of the probability path is invisible here.";
        p.config = courseConfig();
        p.twins = {{Head::Softmax, Format::Float32}, {Head::Logits, Format::Float32}};
        all.push_back(p);
    }
    {
        Preset p;
        p.name = "large-logits";
        p.title = "Large logits: the clipped probability path saturates, from_logits keeps learning";
        p.explanation = "Same data and layer sizes, with tanh hidden units and initial weights 8 times larger "
                        "than Glorot's, so the first logits reach about 30 and many digits start out confidently "
                        "wrong. The softmax of such logits gives the true class a probability below 1e-7. Keras "
                        "clips that probability to 1e-7, so the loss of those digits is stuck at "
                        "-log(1e-7) = 16.118 and the clip passes back a gradient of exactly 0: about a third of "
                        "the training set teaches the network nothing at first. The from_logits twin computes "
                        "log-sum-exp directly, has a finite loss with gradient softmax - one-hot for every digit, "
                        "learns from all of them and ends clearly ahead.";
        p.config = courseConfig();
        p.config.activation = Activation::Tanh;
        p.config.initScale = 8.0;
        p.twins = {{Head::SoftmaxClipped, Format::Float32}, {Head::Logits, Format::Float32}};
        all.push_back(p);
    }
    {
        Preset p;
        p.name = "float-vs-double";
        p.title = "float32 versus float64 on the same run";
        p.explanation = "The course network trained twice from the same initial weights (rounded to float32 "
                        "once, so both start equal) on the same batches, once computing in float32 and once in "
                        "float64. Rounding differences of about 1e-7 per operation grow through the steps, so "
                        "the weights soon differ in their later digits, yet the learning curves and the final "
                        "accuracy are practically the same: for training this network, float32 is plenty, and "
                        "the stable from_logits loss matters far more than the extra precision.";
        p.config = courseConfig();
        p.twins = {{Head::Logits, Format::Float32}, {Head::Logits, Format::Float64}};
        all.push_back(p);
    }
    {
        Preset p;
        p.name = "binary-sigmoid";
        p.title = "Binary task: sigmoid output versus binary cross-entropy from logits";
        p.explanation = "A two-digit task, 4 against 9, with one output unit, tanh hidden units and initial "
                        "weights 16 times larger than Glorot's, so the first logits reach about 50. The sigmoid "
                        "twin computes p = 1/(1 + exp(-z)) and then log(p) and log(1 - p): in float32, p rounds "
                        "to exactly 1 once z passes about 17, so a confidently wrong digit gives log(0), an "
                        "infinite loss, and a gradient of inf * 0 = NaN that spreads into every weight in the "
                        "first batch; the network never recovers. The from-logits twin computes "
                        "max(z, 0) - z y + log1p(exp(-|z|)), finite for every z, with gradient sigmoid(z) - y, "
                        "and trains normally.";
        p.config = courseConfig();
        p.config.activation = Activation::Tanh;
        p.config.initScale = 16.0;
        p.config.epochs = 5;
        p.twins = {{Head::Sigmoid, Format::Float32}, {Head::SigmoidLogits, Format::Float32}};
        p.negativeDigit = 4;
        p.positiveDigit = 9;
        all.push_back(p);
    }
    for (Preset &p : all) {
        p.config.head = p.twins.front().head;
        p.config.format = p.twins.front().format;
    }
    return all;
}

} // namespace

const std::vector<Preset> &presets()
{
    static const std::vector<Preset> all = makePresets();
    return all;
}

std::optional<Preset> findPreset(std::string_view name)
{
    for (const Preset &p : presets())
        if (p.name == name)
            return p;
    return std::nullopt;
}

} // namespace logitlab
