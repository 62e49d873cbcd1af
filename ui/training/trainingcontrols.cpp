// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/trainingcontrols.h"

#include "training/trainingsettings.h"
#include "training/trainingtext.h"

#include "common/uitext.h"
#include "nn/presets.h"

#include <QActionGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace logitlab::ui {

namespace {
QString latin(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

void selectData(QComboBox *box, const QString &data)
{
    const int i = box->findData(data);
    if (i >= 0)
        box->setCurrentIndex(i);
}

/**
 * \a box's value, or \a base if the box shows \a base (rounded to its decimals): a lesson's
 * learning rate of 1.5e-7 is shown as 0.000000 but stays 1.5e-7 until the box is changed.
 */
double shownOr(const QDoubleSpinBox *box, double base)
{
    return box->valueFromText(box->textFromValue(base)) == box->value() ? base : box->value();
}

QDoubleSpinBox *realBox(double lo, double hi, int decimals, double step)
{
    auto *b = new QDoubleSpinBox;
    b->setRange(lo, hi);
    b->setDecimals(decimals);
    b->setSingleStep(step);
    return b;
}
} // namespace

TrainingControls::TrainingControls(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);

    auto *presetGroup = new QGroupBox(tr("Preset"));
    auto *presetLayout = new QVBoxLayout(presetGroup);
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("presetBox"));
    m_preset->addItem(tr("Custom"), QString());
    for (const Preset &p : presets())
        m_preset->addItem(latin(p.name), latin(p.name));
    m_preset->setToolTip(tr("Named scenarios, reproducible by seed"));
    presetLayout->addWidget(m_preset);
    m_explanation = new QLabel;
    m_explanation->setObjectName(QStringLiteral("presetExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    presetLayout->addWidget(m_explanation);
    layout->addWidget(presetGroup);

    auto *dataGroup = new QGroupBox(tr("Data and network"));
    auto *form = new QFormLayout(dataGroup);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_dataset = new QComboBox;
    m_dataset->setObjectName(QStringLiteral("datasetBox"));
    m_dataset->addItem(tr("MNIST-10k (embedded)"), QStringLiteral("mnist-10k"));
    m_dataset->addItem(tr("IDX directory..."), QStringLiteral("idx"));
    for (const auto &[kind, name] : syntheticNames)
        m_dataset->addItem(tr("2-D: %1").arg(latin(name)), latin(name));
    form->addRow(tr("Data"), m_dataset);
    m_idxRow = new QWidget;
    auto *idxLayout = new QHBoxLayout(m_idxRow);
    idxLayout->setContentsMargins(0, 0, 0, 0);
    m_idxPath = new QLineEdit;
    m_idxPath->setPlaceholderText(tr("directory with train-images-idx3-ubyte ..."));
    auto *browse = new QToolButton;
    browse->setText(tr("..."));
    idxLayout->addWidget(m_idxPath, 1);
    idxLayout->addWidget(browse);
    form->addRow(tr("IDX path"), m_idxRow);
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("IDX data set directory"), m_idxPath->text());
        if (!dir.isEmpty())
            m_idxPath->setText(dir);
    });
    m_noise = realBox(TrainingLimits::minNoise, TrainingLimits::maxNoise, 2, 0.05);
    form->addRow(tr("Noise"), m_noise);
    m_task = new QComboBox;
    m_task->addItem(tr("All classes"));
    m_task->addItem(tr("Two digits: A vs B"));
    m_task->addItem(tr("One digit vs the rest"));
    auto *digits = new QWidget;
    auto *digitsLayout = new QHBoxLayout(digits);
    digitsLayout->setContentsMargins(0, 0, 0, 0);
    m_digitA = new QSpinBox;
    m_digitA->setRange(0, TrainingLimits::maxDigit);
    m_digitB = new QSpinBox;
    m_digitB->setRange(0, TrainingLimits::maxDigit);
    digitsLayout->addWidget(m_task, 1);
    digitsLayout->addWidget(m_digitA);
    digitsLayout->addWidget(m_digitB);
    form->addRow(tr("Task"), digits);
    m_layers = new QLineEdit;
    m_layers->setObjectName(QStringLiteral("layersEdit"));
    m_layers->setToolTip(tr("Hidden layer widths, comma separated (empty: no hidden layer)"));
    m_activation = new QComboBox;
    for (const auto &[a, name] : activationNames)
        m_activation->addItem(latin(name), latin(name));
    auto *net = new QWidget;
    auto *netLayout = new QHBoxLayout(net);
    netLayout->setContentsMargins(0, 0, 0, 0);
    netLayout->addWidget(m_layers, 1);
    netLayout->addWidget(m_activation);
    form->addRow(tr("Hidden"), net);
    m_init = new QComboBox;
    for (const auto &[i, name] : initNames)
        m_init->addItem(latin(name), latin(name));
    m_initScale = realBox(TrainingLimits::minInitScale, TrainingLimits::maxInitScale, 3, 0.5);
    m_initScale->setToolTip(tr("Multiplies the initial weights: large values provoke large logits"));
    auto *init = new QWidget;
    auto *initLayout = new QHBoxLayout(init);
    initLayout->setContentsMargins(0, 0, 0, 0);
    initLayout->addWidget(m_init, 1);
    initLayout->addWidget(new QLabel(tr("x")));
    initLayout->addWidget(m_initScale);
    form->addRow(tr("Init"), init);
    m_seed = new QSpinBox;
    m_seed->setObjectName(QStringLiteral("seedBox"));
    m_seed->setRange(0, static_cast<int>(TrainingLimits::maxSeed));
    m_batch = new QSpinBox;
    m_batch->setRange(1, TrainingLimits::maxBatchSize);
    auto *sb = new QWidget;
    auto *sbLayout = new QHBoxLayout(sb);
    sbLayout->setContentsMargins(0, 0, 0, 0);
    sbLayout->addWidget(m_seed, 1);
    sbLayout->addWidget(new QLabel(tr("Batch")));
    sbLayout->addWidget(m_batch, 1);
    form->addRow(tr("Seed"), sb);
    m_decay = realBox(TrainingLimits::minDecayRate, 1, 3, 0.05);
    m_decay->setToolTip(tr("The learning rate is multiplied by this every K epochs"));
    m_decayEvery = new QSpinBox;
    m_decayEvery->setRange(1, TrainingLimits::maxDecayEvery);
    m_decayEvery->setPrefix(tr("every "));
    auto *decay = new QWidget;
    auto *decayLayout = new QHBoxLayout(decay);
    decayLayout->setContentsMargins(0, 0, 0, 0);
    decayLayout->addWidget(m_decay, 1);
    decayLayout->addWidget(m_decayEvery, 1);
    form->addRow(tr("lr decay"), decay);
    layout->addWidget(dataGroup);

    buildRun(0, tr("Run A"));
    m_twin = new QCheckBox(tr("Twin run B (same initial weights and batches)"));
    m_twin->setObjectName(QStringLiteral("twinBox"));
    layout->addWidget(m_runs[0].group);
    layout->addWidget(m_twin);
    buildRun(1, tr("Run B"));
    layout->addWidget(m_runs[1].group);
    layout->addStretch(1);

    const auto hook = [this](auto *w, auto signal) { connect(w, signal, this, &TrainingControls::changed); };
    hook(m_dataset, &QComboBox::currentIndexChanged);
    // A text field counts when its text was edited, not when Return is pressed in it unchanged.
    const auto hookEdited = [this](QLineEdit *w) {
        connect(w, &QLineEdit::editingFinished, this, [this, w] {
            if (!w->isModified())
                return;
            w->setModified(false);
            changed();
        });
    };
    hookEdited(m_idxPath);
    hook(m_noise, &QDoubleSpinBox::valueChanged);
    hook(m_task, &QComboBox::currentIndexChanged);
    hook(m_digitA, &QSpinBox::valueChanged);
    hook(m_digitB, &QSpinBox::valueChanged);
    hookEdited(m_layers);
    hook(m_activation, &QComboBox::currentIndexChanged);
    hook(m_init, &QComboBox::currentIndexChanged);
    hook(m_initScale, &QDoubleSpinBox::valueChanged);
    hook(m_seed, &QSpinBox::valueChanged);
    hook(m_batch, &QSpinBox::valueChanged);
    hook(m_decay, &QDoubleSpinBox::valueChanged);
    hook(m_decayEvery, &QSpinBox::valueChanged);
    hook(m_twin, &QCheckBox::toggled);
    for (RunWidgets &r : m_runs) {
        hook(r.head, &QComboBox::currentIndexChanged);
        hook(r.format, &QComboBox::currentIndexChanged);
        hook(r.optimizer, &QComboBox::currentIndexChanged);
        hook(r.lr, &QDoubleSpinBox::valueChanged);
        hook(r.l2, &QDoubleSpinBox::valueChanged);
    }
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            applyPreset(m_preset->currentData().toString());
    });
    applyPreset(QStringLiteral("course"));
}

void TrainingControls::buildRun(int run, const QString &title)
{
    RunWidgets &r = m_runs[run];
    r.group = new QGroupBox(title);
    auto *form = new QFormLayout(r.group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    r.head = new QComboBox;
    r.head->setObjectName(run == 0 ? QStringLiteral("headA") : QStringLiteral("headB"));
    for (const auto &[h, name] : headNames)
        r.head->addItem(headShort(h), latin(name));
    for (int i = 0; i < r.head->count(); ++i)
        r.head->setItemData(i, headText(*parseHead(r.head->itemData(i).toString().toStdString())), Qt::ToolTipRole);
    r.format = new QComboBox;
    r.format->setObjectName(run == 0 ? QStringLiteral("formatA") : QStringLiteral("formatB"));
    for (Format f : {Format::Float32, Format::Float64, Format::Float16, Format::BFloat16})
        r.format->addItem(latin(formatName(f)), latin(formatName(f)));
    auto *hf = new QWidget;
    auto *hfLayout = new QHBoxLayout(hf);
    hfLayout->setContentsMargins(0, 0, 0, 0);
    hfLayout->addWidget(r.head, 2);
    hfLayout->addWidget(r.format, 1);
    form->addRow(tr("Head"), hf);
    r.optimizer = new QComboBox;
    for (const auto &[k, name] : optimizerNames)
        r.optimizer->addItem(latin(name), latin(name));
    r.lr = realBox(TrainingLimits::minLearningRate, TrainingLimits::maxLearningRate, 6, 0.01);
    r.lr->setObjectName(run == 0 ? QStringLiteral("lrA") : QStringLiteral("lrB"));
    r.l2 = realBox(0, TrainingLimits::maxL2, 6, 0.0001);
    auto *ol = new QWidget;
    auto *olLayout = new QHBoxLayout(ol);
    olLayout->setContentsMargins(0, 0, 0, 0);
    olLayout->addWidget(r.optimizer, 1);
    olLayout->addWidget(new QLabel(tr("lr")));
    olLayout->addWidget(r.lr, 1);
    form->addRow(tr("Optimiser"), ol);
    form->addRow(tr("L2"), r.l2);

    // Mixed precision: a menu of checkable options, its button naming what is on.
    r.mixed = new QToolButton;
    r.mixed->setObjectName(run == 0 ? QStringLiteral("mixedA") : QStringLiteral("mixedB"));
    r.mixed->setPopupMode(QToolButton::InstantPopup);
    r.mixed->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *menu = new QMenu(r.mixed);
    const auto option = [this, run, menu](const QString &text, auto apply, QActionGroup *group = nullptr) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        if (group)
            group->addAction(a);
        connect(a, &QAction::triggered, this, [this, run, apply](bool on) {
            apply(m_runs[run].mixedValue, on);
            showMixed(run);
            changed();
        });
        return a;
    };
    option(tr("Float32 master weights (16-bit formats)"), [](MixedPrecision &m, bool on) {
        m.masterWeights = on;
    })->setObjectName(QStringLiteral("master"));
    menu->addSeparator();
    auto *scaling = new QActionGroup(menu);
    option(
        tr("No loss scaling"), [](MixedPrecision &m, bool) { m.lossScale.kind = LossScaleKind::None; }, scaling)
        ->setObjectName(QStringLiteral("noScaling"));
    option(
        tr("Dynamic loss scaling (as PyTorch's GradScaler)"),
        [](MixedPrecision &m, bool) {
            m.lossScale = LossScaling {};
            m.lossScale.kind = LossScaleKind::Dynamic;
        },
        scaling)
        ->setObjectName(QStringLiteral("dynamicScaling"));
    option(
        tr("Static loss scaling x1024"),
        [](MixedPrecision &m, bool) {
            m.lossScale = LossScaling {};
            m.lossScale.kind = LossScaleKind::Static;
            m.lossScale.scale = 1024;
        },
        scaling)
        ->setObjectName(QStringLiteral("staticScaling"));
    menu->addSeparator();
    option(tr("Stochastic rounding of weight updates"), [](MixedPrecision &m, bool on) {
        m.updateRounding = on ? UpdateRounding::Stochastic : UpdateRounding::Nearest;
    })->setObjectName(QStringLiteral("stochastic"));
    option(tr("Accumulate dot products in the format (not float32)"), [](MixedPrecision &m, bool on) {
        m.accumulate = on ? Accumulation::Format : Accumulation::Float32;
    })->setObjectName(QStringLiteral("accumulateInFormat"));
    r.mixed->setMenu(menu);
    form->addRow(tr("Precision"), r.mixed);
    showMixed(run);
}

void TrainingControls::showMixed(int run)
{
    RunWidgets &r = m_runs[run];
    const MixedPrecision &m = r.mixedValue;
    QStringList on;
    if (m.masterWeights)
        on << tr("master weights");
    if (m.lossScale.kind == LossScaleKind::Dynamic)
        on << tr("dynamic loss scale");
    else if (m.lossScale.kind == LossScaleKind::Static)
        on << tr("loss scale x%L1").arg(m.lossScale.scale);
    if (m.updateRounding == UpdateRounding::Stochastic)
        on << tr("stochastic rounding");
    if (m.accumulate == Accumulation::Format)
        on << tr("accumulate in format");
    r.mixed->setText(on.isEmpty() ? tr("round to nearest, no scaling") : on.join(QStringLiteral(", ")));
    r.mixed->setToolTip(r.mixed->text());
    for (QAction *a : r.mixed->menu()->actions()) {
        const QString n = a->objectName();
        if (n == QLatin1String("master"))
            a->setChecked(m.masterWeights);
        else if (n == QLatin1String("noScaling"))
            a->setChecked(m.lossScale.kind == LossScaleKind::None);
        else if (n == QLatin1String("dynamicScaling"))
            a->setChecked(m.lossScale.kind == LossScaleKind::Dynamic);
        else if (n == QLatin1String("staticScaling")) {
            a->setChecked(m.lossScale.kind == LossScaleKind::Static);
            if (m.lossScale.kind == LossScaleKind::Static)
                a->setText(tr("Static loss scaling x%L1").arg(m.lossScale.scale));
        } else if (n == QLatin1String("stochastic"))
            a->setChecked(m.updateRounding == UpdateRounding::Stochastic);
        else if (n == QLatin1String("accumulateInFormat"))
            a->setChecked(m.accumulate == Accumulation::Format);
    }
}

void TrainingControls::changed()
{
    if (m_loading)
        return;
    // A setting changed by hand: the preset's explanation no longer describes what will run.
    if (const QString from = presetName(); !from.isEmpty()) {
        m_loading = true;
        selectData(m_preset, QString());
        m_loading = false;
        m_explanation->setText(tr("Custom settings, changed from the preset “%1”: its explanation no longer "
                                  "applies. Pick a preset to load a scenario with its explanation.")
                                   .arg(from));
    }
    updateVisibility();
    Q_EMIT setupChanged();
}

void TrainingControls::updateVisibility()
{
    const QString d = m_dataset->currentData().toString();
    m_idxRow->setEnabled(d == QLatin1String("idx"));
    const bool synthetic = parseSynthetic(d.toStdString()).has_value();
    m_noise->setEnabled(synthetic);
    m_task->setEnabled(!synthetic);
    m_digitA->setEnabled(!synthetic && m_task->currentIndex() == 1);
    m_digitB->setEnabled(!synthetic && m_task->currentIndex() > 0);
    m_runs[1].group->setEnabled(m_twin->isChecked());
}

void TrainingControls::fillForm(const TrainingLab &lab)
{
    const DataSpec &d = lab.data;
    switch (d.source) {
    case DataSource::Mnist: selectData(m_dataset, QStringLiteral("mnist-10k")); break;
    case DataSource::IdxDirectory:
        selectData(m_dataset, QStringLiteral("idx"));
        m_idxPath->setText(QString::fromStdString(d.idxPath));
        break;
    case DataSource::Synthetic:
        selectData(m_dataset, latin(syntheticName(d.synthetic)));
        m_noise->setValue(d.noise);
        break;
    }
    m_task->setCurrentIndex(d.binaryPositive >= 0 ? (d.binaryNegative >= 0 ? 1 : 2) : 0);
    if (d.binaryNegative >= 0)
        m_digitA->setValue(d.binaryNegative);
    if (d.binaryPositive >= 0)
        m_digitB->setValue(d.binaryPositive);
    const TrainConfig &c = lab.a;
    QStringList widths;
    for (int w : c.hidden)
        widths << QString::number(w);
    m_layers->setText(widths.join(QLatin1Char(',')));
    selectData(m_activation, latin(activationName(c.activation)));
    selectData(m_init, latin(initName(c.init)));
    m_initScale->setValue(c.initScale);
    m_seed->setValue(int(c.seed));
    m_batch->setValue(c.batchSize);
    m_decay->setValue(c.lrDecayRate);
    m_decayEvery->setValue(c.lrDecayEvery);
    m_twin->setChecked(lab.twin);
    const TrainConfig runs[2] = {lab.a, twinConfig(lab.a, lab.b)};
    for (int i = 0; i < 2; ++i) {
        RunWidgets &r = m_runs[i];
        selectData(r.head, latin(headName(runs[i].head)));
        selectData(r.format, latin(formatName(runs[i].format)));
        selectData(r.optimizer, latin(optimizerName(optimizerKind(runs[i].optimizer))));
        r.lr->setValue(learningRate(runs[i].optimizer));
        r.l2->setValue(runs[i].l2);
        r.mixedValue = runs[i].mixed;
        showMixed(i);
    }
}

void TrainingControls::setLab(const TrainingLab &lab)
{
    m_loading = true;
    m_base = lab;
    selectData(m_preset, QString());
    fillForm(lab);
    m_explanation->setText(tr("Custom settings. Pick a preset to load a scenario with its explanation."));
    m_loading = false;
    updateVisibility();
    Q_EMIT setupChanged();
}

void TrainingControls::applyPreset(const QString &name)
{
    const auto preset = findPreset(name.toStdString());
    m_loading = true;
    selectData(m_preset, preset ? name : QString());
    if (preset) {
        const Preset &p = *preset;
        m_base = presetLab(p);
        fillForm(m_base);
        m_explanation->setText(QStringLiteral("<b>%1</b><br>%2").arg(presetTitle(p), presetExplanation(p)));
    } else {
        m_explanation->setText(tr("Custom settings. Pick a preset to load a scenario with its explanation."));
    }
    m_loading = false;
    updateVisibility();
    Q_EMIT setupChanged();
}

QString TrainingControls::presetName() const
{
    return m_preset->currentData().toString();
}

QString TrainingControls::explanation() const
{
    return m_explanation->text();
}

TrainingLab TrainingControls::setup() const
{
    // The lab last set (a lesson's, a preset's): what the form does not show (epochs, shuffling,
    // the NaN policy, momentum and Adam's betas) stays as it was set.
    TrainingLab s = m_base;
    s.data.binaryNegative = s.data.binaryPositive = -1;
    const QString d = m_dataset->currentData().toString();
    if (d == QLatin1String("mnist-10k")) {
        s.data.source = DataSource::Mnist;
    } else if (d == QLatin1String("idx")) {
        s.data.source = DataSource::IdxDirectory;
        s.data.idxPath = m_idxPath->text().trimmed().toStdString();
    } else {
        s.data.source = DataSource::Synthetic;
        s.data.synthetic = parseSynthetic(d.toStdString()).value_or(SyntheticKind::Spiral);
        s.data.noise = shownOr(m_noise, m_base.data.noise);
    }
    if (s.data.source != DataSource::Synthetic && m_task->currentIndex() > 0) {
        s.data.binaryPositive = m_digitB->value();
        s.data.binaryNegative = m_task->currentIndex() == 1 ? m_digitA->value() : -1;
    }
    TrainConfig c = m_base.a;
    c.hidden.clear();
    for (const QString &part : m_layers->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int w = part.trimmed().toInt(&ok);
        c.hidden.push_back(ok ? w : 0); // 0 is rejected by validateConfig with a clear message
    }
    c.activation = parseActivation(m_activation->currentData().toString().toStdString()).value_or(Activation::ReLU);
    c.init = parseInit(m_init->currentData().toString().toStdString()).value_or(Init::Glorot);
    c.initScale = shownOr(m_initScale, m_base.a.initScale);
    c.seed = std::uint64_t(m_seed->value());
    c.batchSize = m_batch->value();
    c.lrDecayRate = shownOr(m_decay, m_base.a.lrDecayRate);
    c.lrDecayEvery = m_decayEvery->value();
    if (const auto p = findPreset(presetName().toStdString()))
        c.epochs = p->config.epochs;
    for (int i = 0; i < 2; ++i) {
        TrainConfig t = c;
        const RunWidgets &r = m_runs[i];
        t.head = parseHead(r.head->currentData().toString().toStdString()).value_or(Head::Logits);
        t.format = parseFormat(r.format->currentData().toString().toStdString()).value_or(Format::Float32);
        const OptimizerKind kind
            = parseOptimizer(r.optimizer->currentData().toString().toStdString()).value_or(OptimizerKind::Sgd);
        const Optimizer &base = i == 0 ? m_base.a.optimizer : m_base.b.optimizer;
        t.optimizer = optimizerKind(base) == kind ? base : makeOptimizer(kind, r.lr->value());
        const double lr = shownOr(r.lr, learningRate(base));
        std::visit([&](auto &o) { o.learningRate = lr; }, t.optimizer);
        t.l2 = shownOr(r.l2, i == 0 ? m_base.a.l2 : m_base.b.l2);
        t.mixed = r.mixedValue;
        if (i == 0)
            s.a = t;
        else
            s.b = differencesOf(t);
    }
    s.twin = m_twin->isChecked();
    return s;
}

void TrainingControls::saveSettings() const
{
    using namespace trainingsettings;
    writeSetting(preset(), presetName());
    writeSetting(dataset(), m_dataset->currentData());
    writeSetting(idxPath(), m_idxPath->text());
    writeSetting(noise(), m_noise->value());
    writeSetting(task(), m_task->currentIndex());
    writeSetting(digitA(), m_digitA->value());
    writeSetting(digitB(), m_digitB->value());
    writeSetting(layers(), m_layers->text());
    writeSetting(activation(), m_activation->currentData());
    writeSetting(init(), m_init->currentData());
    writeSetting(initScale(), m_initScale->value());
    writeSetting(seed(), m_seed->value());
    writeSetting(batch(), m_batch->value());
    writeSetting(lrDecay(), m_decay->value());
    writeSetting(lrDecayEvery(), m_decayEvery->value());
    writeSetting(twin(), m_twin->isChecked());
    for (int i = 0; i < 2; ++i) {
        writeSetting(head(i), m_runs[i].head->currentData());
        writeSetting(format(i), m_runs[i].format->currentData());
        writeSetting(optimizer(i), m_runs[i].optimizer->currentData());
        writeSetting(lr(i), m_runs[i].lr->value());
        writeSetting(l2(i), m_runs[i].l2->value());
    }
}

void TrainingControls::restoreSettings()
{
    using namespace trainingsettings;
    m_loading = true;
    applyPreset(readSetting(preset()).toString());
    m_loading = true;
    selectData(m_preset, readSetting(preset()).toString());
    selectData(m_dataset, readSetting(dataset()).toString());
    m_idxPath->setText(readSetting(idxPath()).toString());
    m_noise->setValue(readSetting(noise()).toDouble());
    m_task->setCurrentIndex(readSetting(task()).toInt());
    m_digitA->setValue(readSetting(digitA()).toInt());
    m_digitB->setValue(readSetting(digitB()).toInt());
    m_layers->setText(readSetting(layers()).toString());
    selectData(m_activation, readSetting(activation()).toString());
    selectData(m_init, readSetting(init()).toString());
    m_initScale->setValue(readSetting(initScale()).toDouble());
    m_seed->setValue(readSetting(seed()).toInt());
    m_batch->setValue(readSetting(batch()).toInt());
    m_decay->setValue(readSetting(lrDecay()).toDouble());
    m_decayEvery->setValue(readSetting(lrDecayEvery()).toInt());
    m_twin->setChecked(readSetting(twin()).toBool());
    for (int i = 0; i < 2; ++i) {
        selectData(m_runs[i].head, readSetting(head(i)).toString());
        selectData(m_runs[i].format, readSetting(format(i)).toString());
        selectData(m_runs[i].optimizer, readSetting(optimizer(i)).toString());
        m_runs[i].lr->setValue(readSetting(lr(i)).toDouble());
        m_runs[i].l2->setValue(readSetting(l2(i)).toDouble());
    }
    m_loading = false;
    updateVisibility();
    Q_EMIT setupChanged();
}

} // namespace logitlab::ui
