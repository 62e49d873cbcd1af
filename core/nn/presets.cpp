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
