// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/presets.h"

namespace logitlab {

namespace {

TrainConfig courseConfig()
{
    return TrainConfig {}; // its defaults are the course's: 784-25-15-10, ReLU, SGD 0.1, batch 32, 10 epochs
}

std::vector<Preset> makePresets()
{
    std::vector<Preset> all;
    {
        Preset p;
        p.name = "course";
        p.config = courseConfig();
        p.twins = {{Head::Softmax, Format::Float32}, {Head::Logits, Format::Float32}};
        all.push_back(p);
    }
    {
        Preset p;
        p.name = "large-logits";
        p.config = courseConfig();
        p.config.activation = Activation::Tanh;
        p.config.initScale = 8.0;
        p.twins = {{Head::SoftmaxClipped, Format::Float32}, {Head::Logits, Format::Float32}};
        all.push_back(p);
    }
    {
        Preset p;
        p.name = "float-vs-double";
        p.config = courseConfig();
        p.twins = {{Head::Logits, Format::Float32}, {Head::Logits, Format::Float64}};
        all.push_back(p);
    }
    {
        Preset p;
        p.name = "binary-sigmoid";
        p.config = courseConfig();
        p.config.activation = Activation::Tanh;
        p.config.initScale = 16.0;
        // With weights this large a third of the tanh units sit within a few ulps of +-1, where
        // tanh' = 1 - a^2 is 0 or a few ulps: a one-ulp change anywhere (an FMA or a 4-lane sum
        // in another build) grows to a 1% weight difference in 10 batches. 5 epochs left
        // from_logits anywhere in 0.58-0.92 over seeds and builds (0.74 at seed 1 on the portable
        // build); after 30 it ends in 0.85-0.96 on both (40 seeds each, issue 13).
        p.config.epochs = 30;
        p.twins = {{Head::Sigmoid, Format::Float32}, {Head::SigmoidLogits, Format::Float32}};
        p.negativeDigit = 4;
        p.positiveDigit = 9;
        all.push_back(p);
    }
    {
        // Adam in float16 (Keras's epsilon 1e-7 is 1.19e-7 there): (1 - beta2) g^2 underflows to 0
        // for |g| < 7.7e-3, so the step lr * m / (sqrt(v) + epsilon) is thousands of times too
        // large, the logits overflow and the loss is NaN within a few steps (accuracy ~0.1, as
        // reported against Chainer and Keras). Twin B keeps float32 master weights (the optimiser
        // and its state in float32) and dynamic loss scaling (Micikevicius et al. 2018).
        Preset p;
        p.name = "float16-adam";
        p.config = courseConfig();
        p.config.optimizer = Adam {};
        p.config.epochs = 5;
        MixedPrecision fixes;
        fixes.masterWeights = true;
        fixes.lossScale.kind = LossScaleKind::Dynamic;
        p.twins = {{Head::Logits, Format::Float16}, {Head::Logits, Format::Float16, fixes}};
        all.push_back(p);
    }
    {
        // SGD in bfloat16 with a small rate: most steps lr * g are below half an ulp of their
        // weight (bfloat16 keeps 8 bits: 1 + 2^-9 rounds to 1), so they are lost and the network
        // hardly learns. Stochastic rounding keeps every step in expectation (Gupta et al. 2015).
        Preset p;
        p.name = "bfloat16-lost-updates";
        p.config = courseConfig();
        p.config.optimizer = Sgd {0.003};
        p.config.epochs = 5;
        MixedPrecision stochastic;
        stochastic.updateRounding = UpdateRounding::Stochastic;
        p.twins = {{Head::Logits, Format::BFloat16}, {Head::Logits, Format::BFloat16, stochastic}};
        all.push_back(p);
    }
    for (Preset &p : all) {
        p.config.head = p.twins.front().head;
        p.config.format = p.twins.front().format;
        p.config.mixed = p.twins.front().mixed;
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
