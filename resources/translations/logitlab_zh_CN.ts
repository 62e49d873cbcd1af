<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>UiText</name>
    <message>
        <source>Enter at least one number, e.g. [1000, 2000, 3000].</source>
        <translation>请至少输入一个数，例如 [1000, 2000, 3000]。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; at character %2 is not a number.</source>
        <translation>第 %2 个字符处的“%1”不是数字。</translation>
    </message>
    <message>
        <source>Unbalanced &apos;%1&apos; at character %2.</source>
        <translation>第 %2 个字符处的“%1”没有配对。</translation>
    </message>
    <message>
        <source>Row at character %1 has a different length than the first row.</source>
        <translation>从第 %1 个字符开始的这一行与第一行长度不同。</translation>
    </message>
    <message>
        <source>A third level of &apos;[&apos; at character %1: a list is a vector or a matrix.</source>
        <translation>第 %1 个字符处出现第三层“[”：列表只能是向量或矩阵。</translation>
    </message>
    <message>
        <source>Not a list of numbers.</source>
        <translation>这不是数字列表。</translation>
    </message>
    <message>
        <source>Enter an expression, e.g. 2/10000.</source>
        <translation>请输入表达式，例如 2/10000。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; at character %2 cannot stand there.</source>
        <translation>第 %2 个字符处的“%1”不能出现在这里。</translation>
    </message>
    <message>
        <source>The expression ends too early.</source>
        <translation>表达式提前结束了。</translation>
    </message>
    <message>
        <source>Unknown function &apos;%1&apos; (use exp, log, log1p, expm1, sqrt, pow).</source>
        <translation>未知函数“%1”（可用 exp、log、log1p、expm1、sqrt、pow）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has the wrong number of arguments.</source>
        <translation>“%1”的参数个数不对。</translation>
    </message>
    <message>
        <source>&apos;(&apos; at character %1 has no &apos;)&apos;.</source>
        <translation>第 %1 个字符处的“(”缺少“)”。</translation>
    </message>
    <message>
        <source>The expression is too long or too deeply nested.</source>
        <translation>表达式太长或嵌套太深。</translation>
    </message>
    <message>
        <source>Not an expression.</source>
        <translation>这不是表达式。</translation>
    </message>
    <message>
        <source>1 logit</source>
        <translation>1 个 logit</translation>
    </message>
    <message>
        <source>%1 logits</source>
        <translation>%1 个 logit</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::BoundaryView</name>
    <message>
        <source>Decision regions and training points</source>
        <translation>决策区域与训练点</translation>
    </message>
    <message>
        <source>Choose a 2-D data set (spiral, xor, circles, blobs) to see the decision boundary live.</source>
        <translation>选择一个二维数据集（spiral、xor、circles、blobs）即可实时观察决策边界。</translation>
    </message>
    <message>
        <source>Colour: the class each run predicts at that point; lighter where it is less sure.</source>
        <translation>颜色：各次运行在该点预测的类别；越浅表示越不确定。</translation>
    </message>
    <message>
        <source>%1 predicted class</source>
        <translation>%1 预测类别</translation>
    </message>
    <message>
        <source>class %1 points</source>
        <translation>类别 %1 的点</translation>
    </message>
    <message>
        <source>%1 — test accuracy %2%</source>
        <translation>%1 —— 测试准确率 %2%</translation>
    </message>
    <message>
        <source>No decision boundary: these data are not points in the plane.</source>
        <translation>没有决策边界：这些数据不是平面上的点。</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::ConfusionView</name>
    <message>
        <source>Confusion matrix (test set)</source>
        <translation>混淆矩阵（测试集）</translation>
    </message>
    <message>
        <source>%1 confusion</source>
        <translation>%1 混淆矩阵</translation>
    </message>
    <message>
        <source>%1 (%2) predicted — acc. %3%</source>
        <translation>%1（%2）预测 —— 准确率 %3%</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::DrawingCanvas</name>
    <message>
        <source>Draw a digit with the mouse</source>
        <translation>用鼠标写一个数字</translation>
    </message>
    <message>
        <source>draw a digit here</source>
        <translation>在此写一个数字</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::ExpLimitsDialog</name>
    <message>
        <source>Limits of exp in each format</source>
        <translation>各格式中 exp 的范围</translation>
    </message>
    <message>
        <source>epsilon</source>
        <translation>epsilon</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>min normal</source>
        <translation>最小正规数</translation>
    </message>
    <message>
        <source>min subnormal</source>
        <translation>最小次正规数</translation>
    </message>
    <message>
        <source>ln(max)</source>
        <translation>ln(max)</translation>
    </message>
    <message>
        <source>largest x,
exp(x) finite</source>
        <translation>最大的 x，
exp(x) 有限</translation>
    </message>
    <message>
        <source>smallest x,
exp(x) &gt; 0</source>
        <translation>最小的 x，
exp(x) &gt; 0</translation>
    </message>
    <message>
        <source>smallest x,
exp(x) normal</source>
        <translation>最小的 x，
exp(x) 为正规数</translation>
    </message>
    <message>
        <source>2^(1 − p): the gap between 1 and the next value</source>
        <translation>2^(1 − p)：1 与下一个可表示值之间的间隔</translation>
    </message>
    <message>
        <source>ln(max) = %1; rounded to %2 it may lie past the largest finite x</source>
        <translation>ln(max) = %1；舍入到 %2 后可能超过最大的有限 x</translation>
    </message>
    <message>
        <source>exp(x) rounds to inf for every x &gt; %1</source>
        <translation>当 x &gt; %1 时 exp(x) 舍入为 inf</translation>
    </message>
    <message>
        <source>exp(x) rounds to 0 for every x &lt; %1</source>
        <translation>当 x &lt; %1 时 exp(x) 舍入为 0</translation>
    </message>
    <message>
        <source>exp(x) is subnormal or 0 for every x &lt; %1</source>
        <translation>当 x &lt; %1 时 exp(x) 为次正规数或 0</translation>
    </message>
    <message>
        <source>Each x is a value of the format, and exp(x) is the exact exponential rounded once to it. Between &lt;i&gt;smallest x, exp(x) &amp;gt; 0&lt;/i&gt; and &lt;i&gt;largest x, exp(x) finite&lt;/i&gt;, exp neither underflows to 0 nor overflows to inf; below &lt;i&gt;smallest x, exp(x) normal&lt;/i&gt; it loses precision in the subnormals. Naive softmax overflows once a logit passes the largest x: 88.72 in float32, 11.09 in float16. Hover over a value for the exact real threshold; the values read back exactly.</source>
        <translation>每个 x 都是该格式中的值，exp(x) 是精确指数函数舍入一次到该格式的结果。在&lt;i&gt;最小的 x，exp(x) &amp;gt; 0&lt;/i&gt;与&lt;i&gt;最大的 x，exp(x) 有限&lt;/i&gt;之间，exp 既不会下溢为 0，也不会上溢为 inf；低于&lt;i&gt;最小的 x，exp(x) 为正规数&lt;/i&gt;时，结果落入次正规数并损失精度。一旦某个 logit 超过最大的 x，朴素 softmax 就会溢出：float32 中为 88.72，float16 中为 11.09。把鼠标悬停在数值上可查看精确的实数阈值；这些数值都能精确读回。</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>复制为 CSV</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::GalleryView</name>
    <message>
        <source>The gallery shows image data sets.</source>
        <translation>图库只显示图像数据集。</translation>
    </message>
    <message>
        <source>test #%1 (label %2)</source>
        <translation>测试样本 #%1（标签 %2）</translation>
    </message>
    <message>
        <source>%1 p(class) for test #%2</source>
        <translation>%1 对测试样本 #%2 的 p(类别)</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1：%2</translation>
    </message>
    <message>
        <source>Test digits: p(class) from A (orange, left bar) and B (blue, right bar), 0 to 1</source>
        <translation>测试数字：A（橙色，左柱）和 B（蓝色，右柱）给出的 p(类别)，0 到 1</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::InspectorView</name>
    <message>
        <source>Step inspector: z, softmax(z), dLoss/dz</source>
        <translation>单步检查：z、softmax(z)、dLoss/dz</translation>
    </message>
    <message>
        <source>Test sample</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>test #%1</source>
        <translation>测试样本 #%1</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>logits z</source>
        <translation>logits z</translation>
    </message>
    <message>
        <source>probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>dLoss/dz</source>
        <translation>dLoss/dz</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: loss %2, p(true class %3) = %4, largest |dLoss/dz| = %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：损失 %2，p(真实类别 %3) = %4，最大 |dLoss/dz| = %5</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::LessonController</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Scene %1: %2</source>
        <translation>场景 %1：%2</translation>
    </message>
    <message>
        <source>%1

Make your prediction, then press Space to reveal.</source>
        <translation>%1

先做出你的预测，然后按空格键揭晓。</translation>
    </message>
    <message>
        <source>Hidden until revealed (Space)</source>
        <translation>揭晓前隐藏（空格键）</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::LessonFileMenu</name>
    <message>
        <source>LogitLab lessons (*.logitlab);;All files (*)</source>
        <translation>LogitLab 课程 (*.logitlab);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;New lesson</source>
        <translation>新建课程(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open lesson…</source>
        <translation>打开课程(&amp;O)…</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save lesson</source>
        <translation>保存课程(&amp;S)</translation>
    </message>
    <message>
        <source>Save lesson &amp;as…</source>
        <translation>课程另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Add scene (what is on screen)</source>
        <translation>添加场景（当前屏幕内容）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Update scene</source>
        <translation>更新场景(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Next scene	PgDown</source>
        <translation>下一个场景(&amp;N)	PgDown</translation>
    </message>
    <message>
        <source>&amp;Previous scene	PgUp</source>
        <translation>上一个场景(&amp;P)	PgUp</translation>
    </message>
    <message>
        <source>&amp;Reveal	Space</source>
        <translation>揭晓(&amp;R)	Space</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Lesson opened: %1 scenes. PageDown: next scene, PageUp: previous.</source>
        <translation>已打开课程：%1 个场景。PageDown：下一个场景，PageUp：上一个。</translation>
    </message>
    <message>
        <source>Unsaved lesson</source>
        <translation>课程未保存</translation>
    </message>
    <message>
        <source>The lesson has changes that are not saved. Save them?</source>
        <translation>课程有尚未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <source>%1[*] — LogitLab</source>
        <translation>%1[*] — LogitLab</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::LessonText</name>
    <message>
        <source>a text in quotes</source>
        <translation>带引号的文本</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>一个整数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>an object { … }</source>
        <translation>一个对象 { … }</translation>
    </message>
    <message>
        <source>a list [ … ]</source>
        <translation>一个列表 [ … ]</translation>
    </message>
    <message>
        <source>The file is too large for a lesson: %1 bytes (at most %2).</source>
        <translation>文件太大，不是课程：%1 字节（最多 %2）。</translation>
    </message>
    <message>
        <source>The file nests objects and lists more than %1 levels deep; it is not a lesson.</source>
        <translation>文件中对象和列表的嵌套超过 %1 层；它不是课程。</translation>
    </message>
    <message>
        <source>The file is not valid JSON: line %1, column %2 (%3).</source>
        <translation>文件不是有效的 JSON：第 %1 行，第 %2 列（%3）。</translation>
    </message>
    <message>
        <source>The file is not a LogitLab lesson: it has no &quot;format&quot;: &quot;%1&quot;.</source>
        <translation>文件不是 LogitLab 课程：缺少 &quot;format&quot;: &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>The lesson was made by a newer LogitLab (lesson format %1; this version reads %2). Please update LogitLab.</source>
        <translation>该课程由更新版本的 LogitLab 创建（课程格式 %1；此版本读取 %2）。请更新 LogitLab。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a version such as &quot;%3&quot;.</source>
        <translation>%1：&quot;%2&quot; 不是形如 &quot;%3&quot; 的版本号。</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>缺少 %1。</translation>
    </message>
    <message>
        <source>%1 should be %2.</source>
        <translation>%1 应为%2。</translation>
    </message>
    <message>
        <source>%1: unknown name &quot;%2&quot; (expected one of: %3).</source>
        <translation>%1：未知名称 &quot;%2&quot;（应为以下之一：%3）。</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (%3).</source>
        <translation>%1：%2 超出范围（%3）。</translation>
    </message>
    <message>
        <source>%1 has %2 entries; at most %3.</source>
        <translation>%1 有 %2 项；最多 %3 项。</translation>
    </message>
    <message>
        <source>%1 is a text of %2 bytes; at most %3.</source>
        <translation>%1 是 %2 字节的文本；最多 %3 字节。</translation>
    </message>
    <message>
        <source>The lesson has no scenes.</source>
        <translation>课程没有场景。</translation>
    </message>
    <message>
        <source>The lesson file cannot be read.</source>
        <translation>无法读取课程文件。</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>舍入</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::ListInput</name>
    <message>
        <source>The clipboard holds no text: nothing was pasted.</source>
        <translation>剪贴板里没有文本：未粘贴任何内容。</translation>
    </message>
    <message>
        <source>The clipboard holds an image, not text: nothing was pasted.</source>
        <translation>剪贴板里是图像而不是文本：未粘贴任何内容。</translation>
    </message>
    <message>
        <source>The clipboard holds %1 characters; at most %2 can be pasted here. Nothing was pasted.</source>
        <translation>剪贴板里有 %1 个字符；这里最多可粘贴 %2 个。未粘贴任何内容。</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::LossesPage</name>
    <message>
        <source>naive −log(naive softmax)</source>
        <translation>朴素 −log(朴素 softmax)</translation>
    </message>
    <message>
        <source>−log(shifted softmax)</source>
        <translation>−log(平移 softmax)</translation>
    </message>
    <message>
        <source>Keras clipped</source>
        <translation>Keras 截断</translation>
    </message>
    <message>
        <source>from_logits (log-sum-exp)</source>
        <translation>from_logits（log-sum-exp）</translation>
    </message>
    <message>
        <source>naive sigmoid + log</source>
        <translation>朴素 sigmoid + log</translation>
    </message>
    <message>
        <source>from_logits</source>
        <translation>from_logits</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cross-entropy L = −log softmax(z)&lt;sub&gt;k&lt;/sub&gt; = logsumexp(z) − z&lt;sub&gt;k&lt;/sub&gt;&lt;/b&gt;. Taking the log of a probability that underflowed to 0 gives inf; Keras clips p to [1e-7, 1 − 1e-7], so the loss plateaus at 16.118 (15.94 for y = 0 in float32) with a zero gradient. &lt;b&gt;from_logits&lt;/b&gt; never forms p: BCE = max(z, 0) − z·y + log1p(exp(−|z|)) has no overflow and no cancellation.</source>
        <translation>&lt;b&gt;交叉熵 L = −log softmax(z)&lt;sub&gt;k&lt;/sub&gt; = logsumexp(z) − z&lt;sub&gt;k&lt;/sub&gt;&lt;/b&gt;。对已下溢为 0 的概率取对数会得到 inf；Keras 把 p 截断到 [1e-7, 1 − 1e-7]，于是损失停在 16.118（float32 中 y = 0 时为 15.94），梯度为零。&lt;b&gt;from_logits&lt;/b&gt; 从不计算 p：BCE = max(z, 0) − z·y + log1p(exp(−|z|)) 既不会上溢，也没有相消误差。</translation>
    </message>
    <message>
        <source>Sparse categorical cross-entropy</source>
        <translation>稀疏分类交叉熵</translation>
    </message>
    <message>
        <source>Logits:</source>
        <translation>Logits：</translation>
    </message>
    <message>
        <source>True class k:</source>
        <translation>真实类别 k：</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>error (ULP)</source>
        <translation>误差（ULP）</translation>
    </message>
    <message>
        <source>dL/dz</source>
        <translation>dL/dz</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>reference (MPFR)</source>
        <translation>参考值（MPFR）</translation>
    </message>
    <message>
        <source>|loss − exact| in units in the last place of the format</source>
        <translation>|损失 − 精确值|，以该格式的末位单位（ULP）计</translation>
    </message>
    <message>
        <source>The gradient with respect to each logit: softmax(z) − onehot(k)</source>
        <translation>对每个 logit 的梯度：softmax(z) − onehot(k)</translation>
    </message>
    <message>
        <source>Binary cross-entropy over a sweep of the logit z</source>
        <translation>二元交叉熵：扫描 logit z</translation>
    </message>
    <message>
        <source>z from</source>
        <translation>z 从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>label y</source>
        <translation>标签 y</translation>
    </message>
    <message>
        <source>y = 0, y = 1, or any value in [0, 1] (type it)</source>
        <translation>y = 0、y = 1，或 [0, 1] 中的任意值（可直接输入）</translation>
    </message>
    <message>
        <source>Loss vs z</source>
        <translation>损失 – z</translation>
    </message>
    <message>
        <source>Relative error vs z</source>
        <translation>相对误差 – z</translation>
    </message>
    <message>
        <source>Gradient dL/dz vs z</source>
        <translation>梯度 dL/dz – z</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>logit z</source>
        <translation>logit z</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>|loss − exact| / exact; an error of 0 is drawn at 1e-20 (a log scale has no 0).</source>
        <translation>|损失 − 精确值| / 精确值；误差为 0 时画在 1e-20 处（对数坐标没有 0）。</translation>
    </message>
    <message>
        <source>The true class k must be below the number of logits (%1).</source>
        <translation>真实类别 k 必须小于 logit 的个数（%1）。</translation>
    </message>
    <message>
        <source>Some zeros here are stored as −0 (a negative number times 0). IEEE 754 keeps the sign of zero, but −0 = 0 and a gradient step treats them alike.</source>
        <translation>这里有些零实际存储为 −0（负数乘以 0 的结果）。IEEE 754 保留零的符号，但 −0 = 0，梯度更新时二者完全相同。</translation>
    </message>
    <message>
        <source>NaN: exp overflowed (inf/inf) before the log</source>
        <translation>NaN：取对数之前 exp 已上溢（inf/inf）</translation>
    </message>
    <message>
        <source>inf: p_k underflowed to 0 and log(0) = −inf</source>
        <translation>inf：p_k 下溢为 0，而 log(0) = −inf</translation>
    </message>
    <message>
        <source>Exact: %1</source>
        <translation>精确值：%1</translation>
    </message>
    <message>
        <source>exact, correctly rounded to %1</source>
        <translation>精确值，正确舍入到 %1</translation>
    </message>
    <message>
        <source>Give a finite range with from &lt; to.</source>
        <translation>请给出有限范围，且起点 &lt; 终点。</translation>
    </message>
    <message>
        <source>The label y must be a number in [0, 1].</source>
        <translation>标签 y 必须是 [0, 1] 中的数。</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>naive = inf</source>
        <translation>朴素 = inf</translation>
    </message>
    <message>
        <source>naive = NaN</source>
        <translation>朴素 = NaN</translation>
    </message>
    <message>
        <source>BCE loss vs z (y = %1, %2)</source>
        <translation>BCE 损失 – z（y = %1，%2）</translation>
    </message>
    <message>
        <source>Relative error vs z (y = %1)</source>
        <translation>相对误差 – z（y = %1）</translation>
    </message>
    <message>
        <source>Gradient dL/dz vs z (y = %1)</source>
        <translation>梯度 dL/dz – z（y = %1）</translation>
    </message>
    <message>
        <source>%1 points, each against MPFR, in %2 ms</source>
        <translation>%1 个点，逐点与 MPFR 比较，用时 %2 ms</translation>
    </message>
    <message>
        <source>BCE sweep of %1 points for y = %2 in %3 computed in %4 ms</source>
        <translation>BCE 扫描完成：%1 个点，y = %2，格式 %3，用时 %4 ms</translation>
    </message>
    <message>
        <source>%1: NaN</source>
        <translation>%1：NaN</translation>
    </message>
    <message>
        <source>%1: inf</source>
        <translation>%1：inf</translation>
    </message>
    <message>
        <source>%1: −inf</source>
        <translation>%1：−inf</translation>
    </message>
    <message>
        <source>the exact loss %1 is closer to 0 than to the smallest %2 subnormal %3, so the best %2 can store is 0</source>
        <translation>精确损失 %1 离 0 比离 %2 最小的次正规数 %3 更近，所以 %2 能存储的最好值就是 0</translation>
    </message>
    <message>
        <source>clipped at −log(1e-7) = %1: gradient 0</source>
        <translation>截断于 −log(1e-7) = %1：梯度为 0</translation>
    </message>
    <message>
        <source>relative error 1: %1</source>
        <translation>相对误差为 1：%1</translation>
    </message>
    <message>
        <source>Cross-entropy of %1 (true class %2) in %3: from_logits %4, reference %5</source>
        <translation>%1 的交叉熵（真实类别 %2），%3 中：from_logits %4，参考值 %5</translation>
    </message>
    <message>
        <source>Keras clip plateau %1</source>
        <translation>Keras 截断平台 %1</translation>
    </message>
    <message>
        <source>exact loss rounds to 0</source>
        <translation>精确损失舍入为 0</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message>
        <source>Relative error 1 for z from %1 (shaded blue on the relative-error plot): at z = %2 %3. from_logits returns that 0: correctly rounded, and still 100% off.</source>
        <translation>z 在 %1 时相对误差为 1（相对误差图中的蓝色区域）：在 z = %2 时%3。from_logits 返回的就是这个 0：正确舍入，却仍然 100% 偏离。</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
</context>
<context>
    <name>logitlab::ui::MainWindow</name>
    <message>
        <source>LogitLab — stable softmax and cross-entropy</source>
        <translation>LogitLab —— 数值稳定的 softmax 与交叉熵</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>舍入</translation>
    </message>
    <message>
        <source>%1 lab (%2)</source>
        <translation>%1 实验（%2）</translation>
    </message>
    <message>
        <source> Format: </source>
        <translation> 格式：</translation>
    </message>
    <message>
        <source>%1 (p = %2 bits, ln max = %3)</source>
        <translation>%1（p = %2 位，ln max = %3）</translation>
    </message>
    <message>
        <source>Every lab computes in this format</source>
        <translation>所有实验都用此格式计算</translation>
    </message>
    <message>
        <source>Computing in %1…</source>
        <translation>正在用 %1 计算…</translation>
    </message>
    <message>
        <source>sweep %p%</source>
        <translation>扫描 %p%</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export first plot of this lab...</source>
        <translation>导出本实验的第一张图(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;plot</source>
        <translation>导出图(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation>实验(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LogitLab</source>
        <translation>关于 LogitLab(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>About LogitLab</source>
        <translation>关于 LogitLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LogitLab %1&lt;/h3&gt;&lt;p&gt;Teaching numerically stable softmax and cross-entropy: every method computed in float16, bfloat16, float32, float64 and float80, checked against an exact MPFR reference.&lt;/p&gt;&lt;p&gt;Plots: QCustomPlot. Numbers: Eigen and MPFR.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LogitLab %1&lt;/h3&gt;&lt;p&gt;讲解数值稳定的 softmax 与交叉熵：每种方法都在 float16、bfloat16、float32、float64 和 float80 中计算，并与精确的 MPFR 参考值比较。&lt;/p&gt;&lt;p&gt;绘图：QCustomPlot。数值计算：Eigen 与 MPFR。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Focus view: this plot alone. Esc or double-click returns to the lab.</source>
        <translation>聚焦视图：只显示这张图。按 Esc 或双击返回实验页。</translation>
    </message>
    <message>
        <source>Back to the lab (Esc)</source>
        <translation>返回实验页 (Esc)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export &amp;all figures of this lab...</source>
        <translation>导出本实验的全部图(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Focus on a plot</source>
        <translation>聚焦一张图(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>Black on white, darker grid, thicker lines: for washed-out projectors</source>
        <translation>白底黑字、更深的网格、更粗的线条：适合发白的投影仪</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>缩放 %1 %</translation>
    </message>
    <message>
        <source>Export all figures of this lab into</source>
        <translation>将本实验的全部图导出到</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation>已导出 %1 个文件到 %2</translation>
    </message>
    <message>
        <source>Show the &amp;scene list</source>
        <translation>显示场景列表(&amp;S)</translation>
    </message>
    <message>
        <source>L&amp;esson</source>
        <translation>课程(&amp;E)</translation>
    </message>
    <message>
        <source>The course&apos;s lessons are in Help &gt; Lessons, and in the lesson panel (Ctrl+L).</source>
        <translation>课程内置的课堂内容在“帮助 &gt; 课程”中，也在课程面板中（Ctrl+L）。</translation>
    </message>
    <message>
        <source>Limits of &amp;exp in each format…</source>
        <translation>各格式中 &amp;exp 的范围…</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::ModelViews</name>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::PlotPanel</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export this plot as PNG, SVG, PDF or its data as CSV</source>
        <translation>将此图导出为 PNG、SVG、PDF，或将数据导出为 CSV</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the plot as an image to the clipboard</source>
        <translation>将此图作为图片复制到剪贴板</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <source>Fit the axes to the data (after zooming with the wheel or dragging)</source>
        <translation>让坐标轴重新适配数据（用滚轮缩放或拖动之后）</translation>
    </message>
    <message>
        <source>Hover over a curve to read its exact values.</source>
        <translation>将鼠标悬停在曲线上可读取精确数值。</translation>
    </message>
    <message>
        <source>Export as PNG (2x)...</source>
        <translation>导出为 PNG（2 倍）…</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export as SVG...</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>Export as PDF...</source>
        <translation>导出为 PDF…</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export data as CSV...</source>
        <translation>将数据导出为 CSV…</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>Fit axes to data</source>
        <translation>坐标轴适配数据</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf);;CSV table (*.csv)</source>
        <translation>PNG 图片 (*.png);;SVG 图片 (*.svg);;PDF 文档 (*.pdf);;CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>无法编码图片</translation>
    </message>
    <message>
        <source>the SVG painter could not start</source>
        <translation>无法启动 SVG 绘制</translation>
    </message>
    <message>
        <source>the PDF painter could not start</source>
        <translation>无法启动 PDF 绘制</translation>
    </message>
    <message>
        <source>%1 [row %2, column %3] = %4</source>
        <translation>%1 [第 %2 行，第 %3 列] = %4</translation>
    </message>
    <message>
        <source>%1: x = %2, y = %3</source>
        <translation>%1：x = %2，y = %3</translation>
    </message>
    <message>
        <source>x = %1, y = %2</source>
        <translation>x = %1，y = %2</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::Presets</name>
    <message>
        <source>The course network: softmax output and from_logits train alike</source>
        <translation>课程中的网络：softmax 输出与 from_logits 训练效果相同</translation>
    </message>
    <message>
        <source>This is the network from the course: 784 inputs, hidden layers of 25 and 15 ReLU units, 10 outputs, plain SGD with learning rate 0.1 and batches of 32, for 10 epochs on 8,000 MNIST digits. The two runs start from the same weights and see the same batches; one ends in a softmax layer and takes the log of its probabilities, the other hands the raw logits to a cross-entropy that applies log-sum-exp itself. With weights this small the logits stay moderate, no probability rounds to zero, and both reach about 93% on the 2,000 test digits. The danger of the probability path is invisible here.</source>
        <translation>这是课程中的网络：784 个输入，25 和 15 个 ReLU 单元的两个隐藏层，10 个输出，普通 SGD，学习率 0.1，批大小 32，在 8,000 个 MNIST 数字上训练 10 个 epoch。两次运行从相同的权重出发，看到相同的批次；一个以 softmax 层结尾，再对其概率取 log，另一个把原始 logits 交给自己执行 log-sum-exp 的交叉熵。权重这么小时，logits 保持适中，没有概率被舍入为零，两者在 2,000 个测试数字上都达到约 93% 的准确率。概率路径的危险在这里看不出来。</translation>
    </message>
    <message>
        <source>Large logits: the clipped probability path saturates, from_logits keeps learning</source>
        <translation>大 logits：截断的概率路径饱和，from_logits 继续学习</translation>
    </message>
    <message>
        <source>Same data and layer sizes, with tanh hidden units and initial weights 8 times larger than Glorot&apos;s, so the first logits reach about 30 and many digits start out confidently wrong. The softmax of such logits gives the true class a probability below 1e-7. Keras clips that probability to 1e-7, so the loss of those digits is stuck at -log(1e-7) = 16.118 and the clip passes back a gradient of exactly 0: about a third of the training set teaches the network nothing at first. The from_logits twin computes log-sum-exp directly, has a finite loss with gradient softmax - one-hot for every digit, learns from all of them and ends clearly ahead.</source>
        <translation>数据和层大小不变，但隐藏单元用 tanh，初始权重是 Glorot 的 8 倍，因此最初的 logits 可达约 30，许多数字一开始就被自信地判错。这样的 logits 经 softmax 后，真实类别的概率低于 1e-7。Keras 把这个概率截断到 1e-7，于是这些数字的损失卡在 -log(1e-7) = 16.118，而截断回传的梯度恰好为 0：起初约三分之一的训练集对网络毫无教益。from_logits 孪生运行直接计算 log-sum-exp，损失有限，对每个数字的梯度都是 softmax - one-hot，能从所有数字中学习，最终明显领先。</translation>
    </message>
    <message>
        <source>float32 versus float64 on the same run</source>
        <translation>同一次训练：float32 对比 float64</translation>
    </message>
    <message>
        <source>The course network trained twice from the same initial weights (rounded to float32 once, so both start equal) on the same batches, once computing in float32 and once in float64. Rounding differences of about 1e-7 per operation grow through the steps, so the weights soon differ in their later digits, yet the learning curves and the final accuracy are practically the same: for training this network, float32 is plenty, and the stable from_logits loss matters far more than the extra precision.</source>
        <translation>课程中的网络从相同的初始权重（先舍入到 float32 一次，使两者起点相同）在相同批次上训练两次，一次用 float32 计算，一次用 float64 计算。每次运算约 1e-7 的舍入差异随步数增长，权重很快在较低位上出现差别，但学习曲线和最终准确率几乎相同：训练这个网络，float32 完全够用，稳定的 from_logits 损失远比额外的精度重要。</translation>
    </message>
    <message>
        <source>Binary task: sigmoid output versus binary cross-entropy from logits</source>
        <translation>二分类任务：sigmoid 输出对比 from logits 的二元交叉熵</translation>
    </message>
    <message>
        <source>A two-digit task, 4 against 9, with one output unit, tanh hidden units and initial weights 16 times larger than Glorot&apos;s, so the first logits reach about 50. The sigmoid twin computes p = 1/(1 + exp(-z)) and then log(p) and log(1 - p): in float32, p rounds to exactly 1 once z passes about 17, so a confidently wrong digit gives log(0), an infinite loss, and a gradient of inf * 0 = NaN that spreads into every weight in the first batch; the network never recovers. The from-logits twin computes max(z, 0) - z y + log1p(exp(-|z|)), finite for every z, with gradient sigmoid(z) - y, and trains normally.</source>
        <translation>两个数字的任务（4 对 9），一个输出单元，tanh 隐藏单元，初始权重是 Glorot 的 16 倍，因此最初的 logits 可达约 50。sigmoid 孪生运行先计算 p = 1/(1 + exp(-z))，再计算 log(p) 和 log(1 - p)：在 float32 中，z 超过约 17 后 p 就被舍入为恰好 1，于是一个被自信判错的数字给出 log(0)、无穷大的损失，以及 inf * 0 = NaN 的梯度，它在第一个批次就扩散到每个权重；网络再也无法恢复。from-logits 孪生运行计算 max(z, 0) - z y + log1p(exp(-|z|))，对任何 z 都有限，梯度为 sigmoid(z) - y，训练正常。</translation>
    </message>
    <message>
        <source>float16 with Adam: collapse, and the mixed-precision fix</source>
        <translation>float16 下的 Adam：训练崩溃，以及混合精度的解决办法</translation>
    </message>
    <message>
        <source>The course network with Adam, trained entirely in float16 (A) and in float16 with float32 master weights and dynamic loss scaling (B), from the same rounded initial weights. In float16 Adam&apos;s second moment (1 - 0.999) g^2 underflows to 0 for any gradient below 0.0077, and its epsilon 1e-7 becomes 1.2e-7, so the step lr m / (sqrt(v) + epsilon) is thousands of times too large: the logits overflow and the loss turns NaN in the first epoch, with the accuracy stuck at 10%, as reported against Chainer and Keras. B keeps the weights and Adam&apos;s state in float32 (the forward and backward passes still run in float16) and scales the loss by 65,536 so that small gradients stay above float16&apos;s underflow; it trains to about 91% (Micikevicius et al., ICLR 2018).</source>
        <translation>同一个课程网络使用 Adam 训练两次：A 全部在 float16 中计算，B 在 float16 中计算但保留 float32 主权重并使用动态损失缩放，两者从相同的（已舍入的）初始权重出发。在 float16 中，Adam 的二阶矩 (1 - 0.999) g^2 对任何小于 0.0077 的梯度都会下溢为 0，而它的 epsilon 1e-7 变成 1.2e-7，于是步长 lr m / (sqrt(v) + epsilon) 大了成千上万倍：logits 溢出，损失在第一个 epoch 内变成 NaN，准确率停在 10%，正如在 Chainer 和 Keras 中报告的那样。B 把权重和 Adam 的状态保存在 float32 中（前向和反向传播仍在 float16 中进行），并把损失乘以 65,536，使小梯度保持在 float16 的下溢界限之上；它能训练到约 91%（Micikevicius 等，ICLR 2018）。</translation>
    </message>
    <message>
        <source>bfloat16 with a small learning rate: lost updates, and stochastic rounding</source>
        <translation>小学习率下的 bfloat16：更新丢失，以及随机舍入</translation>
    </message>
    <message>
        <source>SGD with learning rate 0.003, everything in bfloat16. bfloat16 keeps only 8 significant bits, so 1 + 2^-9 rounds back to 1: a weight changes only if its step is at least half a unit in its last place, and here over 90% of the steps are smaller. Those updates are lost, and A barely learns (about 25% after 5 epochs). B rounds each new weight up or down at random, with probabilities that make its expected value exact (stochastic rounding, Gupta et al. 2015): small steps accumulate on average and B learns like float32 (about 67%).</source>
        <translation>学习率为 0.003 的 SGD，一切都在 bfloat16 中计算。bfloat16 只保留 8 位有效数字，所以 1 + 2^-9 会舍入回 1：只有当步长至少为末位单位的一半时权重才会改变，而这里超过 90% 的步长都更小。这些更新丢失了，A 几乎学不到东西（5 个 epoch 后约 25%）。B 以随机方式向上或向下舍入每个新权重，其概率使期望值恰好准确（随机舍入，Gupta 等，2015）：小步长在平均意义上得以累积，B 的学习效果与 float32 相当（约 67%）。</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::RoundingPage</name>
    <message>
        <source>… %1 more characters: see the box under the table</source>
        <translation>… 还有 %1 个字符：见表格下方的方框</translation>
    </message>
    <message>
        <source>&lt;b&gt;Every operation rounds.&lt;/b&gt; 1/10000 is not a binary fraction, so 2/10000 is stored as the nearest float; its exact decimal expansion shows what is really stored. In (1 + 1/n) − (1 − 1/n) the subtraction is exact but it exposes the rounding of 1 ± 1/n: the relative error grows like ε·n (catastrophic cancellation). Errors are measured against the exact value (MPFR).</source>
        <translation>&lt;b&gt;每一次运算都会舍入。&lt;/b&gt;1/10000 不是二进制小数，所以 2/10000 存储为最接近的浮点数；它的精确十进制展开显示实际存储的值。在 (1 + 1/n) − (1 − 1/n) 中，减法本身是精确的，但它暴露了 1 ± 1/n 的舍入误差：相对误差按 ε·n 增长（灾难性相消）。误差均相对于精确值（MPFR）计算。</translation>
    </message>
    <message>
        <source>Add expression</source>
        <translation>添加表达式</translation>
    </message>
    <message>
        <source>Relative error of (1 + 1/n) − (1 − 1/n) vs n</source>
        <translation>(1 + 1/n) − (1 − 1/n) 的相对误差 – n</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>Relative error of (1 + 1/n) − (1 − 1/n) vs n (exact value 2/n; dashed: ε·n)</source>
        <translation>(1 + 1/n) − (1 − 1/n) 的相对误差 – n（精确值 2/n；虚线：ε·n）</translation>
    </message>
    <message>
        <source>ε·n %1</source>
        <translation>ε·n %1</translation>
    </message>
    <message>
        <source>e.g. 2/10000, exp(100), (1+1/10000)-(1-1/10000)</source>
        <translation>例如 2/10000、exp(100)、(1+1/10000)-(1-1/10000)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>stored value</source>
        <translation>存储值</translation>
    </message>
    <message>
        <source>exact decimal of the stored value</source>
        <translation>存储值的精确十进制</translation>
    </message>
    <message>
        <source>hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>abs error</source>
        <translation>绝对误差</translation>
    </message>
    <message>
        <source>rel error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>ULP error</source>
        <translation>ULP 误差</translation>
    </message>
    <message>
        <source>bits: sign | exponent | significand</source>
        <translation>位：符号 | 指数 | 尾数</translation>
    </message>
    <message>
        <source>The shortest decimal that reads back to the stored value</source>
        <translation>能读回该存储值的最短十进制数</translation>
    </message>
    <message>
        <source>Every binary float is a finite decimal: this is exactly what is stored. Select a row to see all digits below.</source>
        <translation>每个二进制浮点数都是有限小数：这正是实际存储的值。选中一行可在下方查看全部数字。</translation>
    </message>
    <message>
        <source>The stored bits in hexadecimal</source>
        <translation>以十六进制表示的存储位</translation>
    </message>
    <message>
        <source>The next larger value of the format</source>
        <translation>该格式中下一个更大的值</translation>
    </message>
    <message>
        <source>The next smaller value of the format</source>
        <translation>该格式中下一个更小的值</translation>
    </message>
    <message>
        <source>|stored − exact|</source>
        <translation>|存储值 − 精确值|</translation>
    </message>
    <message>
        <source>|stored − exact| / |exact|</source>
        <translation>|存储值 − 精确值| / |精确值|</translation>
    </message>
    <message>
        <source>|stored − exact| in units in the last place of the format</source>
        <translation>|存储值 − 精确值|，以该格式的末位单位（ULP）计</translation>
    </message>
    <message>
        <source>Sign (red), exponent (blue) and significand (green) bits</source>
        <translation>符号位（红）、指数位（蓝）和尾数位（绿）</translation>
    </message>
    <message>
        <source>The selected format&apos;s stored value in full: every digit, every bit</source>
        <translation>所选格式存储值的完整内容：每一位数字、每一个比特</translation>
    </message>
    <message>
        <source>(showing the last valid result)</source>
        <translation>（显示最后一次有效结果）</translation>
    </message>
    <message>
        <source>(%1 digits)</source>
        <translation>（%1 位数字）</translation>
    </message>
    <message>
        <source>%1 significant digits:
%2</source>
        <translation>%1 位有效数字：
%2</translation>
    </message>
    <message>
        <source>sign | exponent (%1 bits) | significand</source>
        <translation>符号 | 指数（%1 位）| 尾数</translation>
    </message>
    <message>
        <source>%1 ULP from the exact value; %2 floats from the correctly rounded value</source>
        <translation>距精确值 %1 ULP；距正确舍入值 %2 个浮点数</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; stores &lt;b&gt;%2&lt;/b&gt;; exactly (%3 significant digits):</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 存储 &lt;b&gt;%2&lt;/b&gt;；其精确值（%3 位有效数字）：</translation>
    </message>
    <message>
        <source>bits %1 &amp;nbsp; hex &lt;span style=&apos;font-family:monospace&apos;&gt;%2&lt;/span&gt;</source>
        <translation>位 %1 &amp;nbsp; 十六进制 &lt;span style=&apos;font-family:monospace&apos;&gt;%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>an operation gave NaN</source>
        <translation>某次运算得到 NaN</translation>
    </message>
    <message>
        <source>an operation overflowed to inf</source>
        <translation>某次运算上溢为 inf</translation>
    </message>
    <message>
        <source>an operation underflowed</source>
        <translation>某次运算下溢</translation>
    </message>
    <message>
        <source>exact value: %1</source>
        <translation>精确值：%1</translation>
    </message>
    <message>
        <source>exact value ≈ %1 (34 significant digits)</source>
        <translation>精确值 ≈ %1（34 位有效数字）</translation>
    </message>
    <message>
        <source>%1 = %2 in %3 (exact value %4)</source>
        <translation>%1 在 %3 中 = %2（精确值 %4）</translation>
    </message>
    <message>
        <source>exact value not determined to %1 bits (the limit); it lies between %2 and %3</source>
        <translation>精确值算到 %1 位仍未确定（已达上限）；它介于 %2 与 %3 之间</translation>
    </message>
    <message>
        <source>exact value not determined to %1 bits within the %2 s budget; it lies between %3 and %4</source>
        <translation>在 %2 秒的预算内，精确值算到 %1 位仍未确定；它介于 %3 与 %4 之间</translation>
    </message>
    <message>
        <source>Its first 34 digits are known, %1, but not which float it rounds to in every format.</source>
        <translation>它的前 34 位有效数字已知（%1），但尚不能确定它在每种格式中舍入到哪个浮点数。</translation>
    </message>
    <message>
        <source>Computing the exact value (at most %1 bits and %2 s)</source>
        <translation>正在计算精确值（最多 %1 位、%2 秒）</translation>
    </message>
    <message>
        <source>The exact value is not determined, so neither is the error</source>
        <translation>精确值未确定，因此误差也无法确定</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 ULP from the exact value; which float it rounds to is not decided</source>
        <translation>距精确值 %1 ULP；舍入到哪个浮点数尚未确定</translation>
    </message>
    <message>
        <source>not determined</source>
        <translation>未确定</translation>
    </message>
    <message>
        <source>exact value beyond the range of the reference (MPFR): greater than %1; every format rounds it to inf</source>
        <translation>精确值超出参考 (MPFR) 的表示范围：大于 %1；每种格式都将其舍入为 inf</translation>
    </message>
    <message>
        <source>exact value beyond the range of the reference (MPFR): less than %1; every format rounds it to -inf</source>
        <translation>精确值超出参考 (MPFR) 的表示范围：小于 %1；每种格式都将其舍入为 -inf</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::SceneDock</name>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Edit scene %1</source>
        <translation>编辑场景 %1</translation>
    </message>
    <message>
        <source>e.g. What does naive softmax give for [1000, 2000, 3000] in float32?</source>
        <translation>例如：在 float32 中，朴素 softmax 对 [1000, 2000, 3000] 给出什么？</translation>
    </message>
    <message>
        <source>Hide the results until revealed</source>
        <translation>揭晓前隐藏结果</translation>
    </message>
    <message>
        <source>Hide the plots until revealed</source>
        <translation>揭晓前隐藏图表</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Question for the class</source>
        <translation>给学生的问题</translation>
    </message>
    <message>
        <source>Note for the teacher</source>
        <translation>教师备注</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>No lesson open. The course&apos;s lessons (also in Help &gt; Lessons):</source>
        <translation>尚未打开课程。课程内置课堂（也在“帮助 &gt; 课程”中）：</translation>
    </message>
    <message>
        <source>Or File &gt; Open lesson, or Ctrl+M to add what is on screen as a scene.</source>
        <translation>或使用“文件 &gt; 打开课程”，或按 Ctrl+M 把当前屏幕内容添加为场景。</translation>
    </message>
    <message>
        <source>Reveal (Space)</source>
        <translation>揭晓（空格键）</translation>
    </message>
    <message>
        <source>Add (Ctrl+M)</source>
        <translation>添加 (Ctrl+M)</translation>
    </message>
    <message>
        <source>Add what is on screen as a new scene after this one</source>
        <translation>把当前屏幕内容添加为此场景之后的新场景</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Replace this scene&apos;s inputs with what is on screen</source>
        <translation>用当前屏幕内容替换此场景的输入</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Title, question, hidden parts and note</source>
        <translation>标题、问题、隐藏部分和备注</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::SoftmaxPage</name>
    <message>
        <source>&lt;b&gt;softmax(z)&lt;sub&gt;i&lt;/sub&gt; = exp(z&lt;sub&gt;i&lt;/sub&gt;) / &amp;Sigma;&lt;sub&gt;j&lt;/sub&gt; exp(z&lt;sub&gt;j&lt;/sub&gt;)&lt;/b&gt;. The naive form overflows once a logit exceeds ln(max) (88.72 in float32, 11.09 in float16): exp(1000) = inf and inf/inf = NaN. Subtracting the max first, exp(z&lt;sub&gt;i&lt;/sub&gt; &amp;minus; max) / &amp;Sigma; exp(z&lt;sub&gt;j&lt;/sub&gt; &amp;minus; max), keeps every exponent &amp;le; 0, so nothing overflows and the sum is &amp;ge; 1. Log-softmax z&lt;sub&gt;i&lt;/sub&gt; &amp;minus; max &amp;minus; log &amp;Sigma; exp(z&lt;sub&gt;j&lt;/sub&gt; &amp;minus; max) keeps tiny probabilities that would underflow to 0. Errors are in ULPs against an exact MPFR reference.</source>
        <translation>&lt;b&gt;softmax(z)&lt;sub&gt;i&lt;/sub&gt; = exp(z&lt;sub&gt;i&lt;/sub&gt;) / &amp;Sigma;&lt;sub&gt;j&lt;/sub&gt; exp(z&lt;sub&gt;j&lt;/sub&gt;)&lt;/b&gt;。一旦某个 logit 超过 ln(max)（float32 中为 88.72，float16 中为 11.09），朴素公式就会上溢：exp(1000) = inf，而 inf/inf = NaN。先减去最大值，即 exp(z&lt;sub&gt;i&lt;/sub&gt; &amp;minus; max) / &amp;Sigma; exp(z&lt;sub&gt;j&lt;/sub&gt; &amp;minus; max)，使所有指数都 &amp;le; 0，因此不会上溢，且分母 &amp;ge; 1。Log-softmax z&lt;sub&gt;i&lt;/sub&gt; &amp;minus; max &amp;minus; log &amp;Sigma; exp(z&lt;sub&gt;j&lt;/sub&gt; &amp;minus; max) 能保留会下溢为 0 的极小概率。误差以 ULP 为单位，相对于精确的 MPFR 参考值。</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>向量</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>Matrix mode: one row per line or [[...], [...]]</source>
        <translation>矩阵模式：每行一行，或 [[...], [...]]</translation>
    </message>
    <message>
        <source>Logits:</source>
        <translation>Logits：</translation>
    </message>
    <message>
        <source>e.g. [1000, 2000, 3000] or a NumPy print</source>
        <translation>例如 [1000, 2000, 3000] 或 NumPy 的打印输出</translation>
    </message>
    <message>
        <source>dim=0 (down each column)</source>
        <translation>dim=0（沿每一列）</translation>
    </message>
    <message>
        <source>dim=1 (along each row)</source>
        <translation>dim=1（沿每一行）</translation>
    </message>
    <message>
        <source>PyTorch&apos;s dim / NumPy&apos;s axis: the direction whose entries sum to 1</source>
        <translation>PyTorch 的 dim / NumPy 的 axis：元素之和为 1 的方向</translation>
    </message>
    <message>
        <source>Probabilities per method</source>
        <translation>各方法的概率</translation>
    </message>
    <message>
        <source>Max ULP error vs size of the logits</source>
        <translation>最大 ULP 误差 – logit 大小</translation>
    </message>
    <message>
        <source>Jacobian diag(s) − s sᵀ (shifted softmax)</source>
        <translation>雅可比矩阵 diag(s) − s sᵀ（平移 softmax）</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考值</translation>
    </message>
    <message>
        <source>element i</source>
        <translation>元素 i</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>max |z_i| after scaling</source>
        <translation>缩放后的 max |z_i|</translation>
    </message>
    <message>
        <source>max error (ULP)</source>
        <translation>最大误差（ULP）</translation>
    </message>
    <message>
        <source>An error of 0 ULP is drawn at 0.01 (a log scale has no 0).</source>
        <translation>误差为 0 ULP 时画在 0.01 处（对数坐标没有 0）。</translation>
    </message>
    <message>
        <source>J</source>
        <translation>J</translation>
    </message>
    <message>
        <source>column j</source>
        <translation>列 j</translation>
    </message>
    <message>
        <source>row i</source>
        <translation>行 i</translation>
    </message>
    <message>
        <source>(showing the last valid input)</source>
        <translation>（显示最后一次有效输入的结果）</translation>
    </message>
    <message>
        <source>Jacobian diag(s) − s sᵀ in %1 (hover for values)</source>
        <translation>雅可比矩阵 diag(s) − s sᵀ，格式 %1（悬停查看数值）</translation>
    </message>
    <message>
        <source>Jacobian: shown for up to %1 logits</source>
        <translation>雅可比矩阵：最多显示 %1 个 logit</translation>
    </message>
    <message>
        <source>%1: max %2 ulp</source>
        <translation>%1：最大 %2 ulp</translation>
    </message>
    <message>
        <source>, NaN</source>
        <translation>，NaN</translation>
    </message>
    <message>
        <source>, exp overflowed</source>
        <translation>，exp 上溢</translation>
    </message>
    <message>
        <source>, exp underflowed</source>
        <translation>，exp 下溢</translation>
    </message>
    <message>
        <source>naive = NaN</source>
        <translation>朴素 = NaN</translation>
    </message>
    <message>
        <source>ln max %1 = %2</source>
        <translation>ln max %1 = %2</translation>
    </message>
    <message>
        <source>Max ULP error vs size of the logits (%1, %2 scales)</source>
        <translation>最大 ULP 误差 – logit 大小（%1，%2 个缩放值）</translation>
    </message>
    <message>
        <source>row sum</source>
        <translation>行和</translation>
    </message>
    <message>
        <source>column sum</source>
        <translation>列和</translation>
    </message>
    <message>
        <source>These entries sum to 1 (up to rounding): softmax along dim=%1</source>
        <translation>这些元素之和为 1（舍入误差以内）：沿 dim=%1 的 softmax</translation>
    </message>
    <message>
        <source>Matrix shows:</source>
        <translation>矩阵显示：</translation>
    </message>
    <message>
        <source>The row (dim=1) or column (dim=0) whose bars, errors and Jacobian are plotted</source>
        <translation>绘制其柱状图、误差和雅可比矩阵的行（dim=1）或列（dim=0）</translation>
    </message>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <source>inf</source>
        <translation>inf</translation>
    </message>
    <message>
        <source>exp underflowed (0 or subnormal)</source>
        <translation>exp 下溢（0 或次正规数）</translation>
    </message>
    <message>
        <source>error &gt; 2 ulp</source>
        <translation>误差 &gt; 2 ulp</translation>
    </message>
    <message>
        <source>%1 in %2 — computing the exact reference…</source>
        <translation>%1，%2 — 正在计算精确参考值…</translation>
    </message>
    <message>
        <source>%1: %2 NaN, %3 inf (no bar)</source>
        <translation>%1：%2 个 NaN，%3 个 inf（无柱）</translation>
    </message>
    <message>
        <source>plots follow row</source>
        <translation>图表跟随行</translation>
    </message>
    <message>
        <source>plots follow column</source>
        <translation>图表跟随列</translation>
    </message>
    <message>
        <source>%1 gives NaN in rows %2</source>
        <translation>%1 在第 %2 行得到 NaN</translation>
    </message>
    <message>
        <source>%1 gives NaN in columns %2</source>
        <translation>%1 在第 %2 列得到 NaN</translation>
    </message>
    <message>
        <source>Jacobian diag(s) − s sᵀ in %1 (black cells: NaN/inf)</source>
        <translation>雅可比矩阵 diag(s) − s sᵀ，%1（黑色格子：NaN/inf）</translation>
    </message>
    <message>
        <source>%1 in %2 — %3</source>
        <translation>%1，%2 — %3</translation>
    </message>
    <message>
        <source>Row %1 of %2</source>
        <translation>第 %1 行（共 %2 行）</translation>
    </message>
    <message>
        <source>Column %1 of %2</source>
        <translation>第 %1 列（共 %2 列）</translation>
    </message>
    <message>
        <source> now: max |z| = %1</source>
        <translation> 当前：max |z| = %1</translation>
    </message>
    <message>
        <source>Softmax of %1 in %2 computed</source>
        <translation>已计算 %1 的 softmax（%2）</translation>
    </message>
    <message>
        <source>%1 in %2; exact %3</source>
        <translation>%1，%2；精确值 %3</translation>
    </message>
    <message>
        <source>NaN: %1 fails on this slice</source>
        <translation>NaN：%1 在这一切片上失败</translation>
    </message>
    <message>
        <source>, the sum overflowed to inf (every p = finite / inf = 0)</source>
        <translation>，求和上溢为 inf（每个 p = 有限值 / inf = 0）</translation>
    </message>
    <message>
        <source>Online softmax (as in FlashAttention) finds the max and the sum in one pass, multiplying the sum by exp(m&lt;sub&gt;old&lt;/sub&gt; &amp;minus; m&lt;sub&gt;new&lt;/sub&gt;) whenever the max grows; its error bound is the shifted form&apos;s plus 3 ULPs per such rescale.</source>
        <translation>在线 softmax（FlashAttention 所用的方法）在一次遍历中求出最大值和分母，每当最大值增大时就把和乘以 exp(m&lt;sub&gt;old&lt;/sub&gt; &amp;minus; m&lt;sub&gt;new&lt;/sub&gt;)；它的误差界是平移形式的误差界再加上每次这种重新缩放 3 个 ULP。</translation>
    </message>
    <message>
        <source>The slider sets the temperature T = 1/scale of softmax(z / T): a low T sharpens p towards the largest logit (entropy H &amp;rarr; 0), a high T flattens it (H &amp;rarr; ln K), and the naive form breaks once max z / T passes the format&apos;s ln(max).</source>
        <translation>滑块设定 softmax(z / T) 的温度 T = 1/缩放：T 越低，p 越集中于最大的 logit（熵 H &amp;rarr; 0）；T 越高，p 越平坦（H &amp;rarr; ln K）；一旦 max z / T 超过该格式的 ln(max)，朴素公式就会失效。</translation>
    </message>
    <message>
        <source>Scale (1/T):</source>
        <translation>缩放 (1/T)：</translation>
    </message>
    <message>
        <source>Multiplies every logit by the scale, 0.01 to 100: the temperature T = 1/scale runs from 100 (left) to 0.01 (right) on a log scale</source>
        <translation>将每个 logit 乘以缩放系数（0.01 到 100）：温度 T = 1/缩放，在对数刻度上从 100（左）到 0.01（右）</translation>
    </message>
    <message>
        <source>T = %1 (logits × %2)</source>
        <translation>T = %1（logits × %2）</translation>
    </message>
    <message>
        <source>Temperature T:</source>
        <translation>温度 T：</translation>
    </message>
    <message>
        <source>Entropy of p: computing…</source>
        <translation>p 的熵：计算中…</translation>
    </message>
    <message>
        <source>Entropy of p: none (no distribution: a NaN logit, or all -inf)</source>
        <translation>p 的熵：无（不是概率分布：有 NaN logit，或全部为 -inf）</translation>
    </message>
    <message>
        <source>Entropy of p: H = %1 nats = %2 bits, between 0 (one certain class) and ln %3 = %4 nats = %5 bits (all equal)</source>
        <translation>p 的熵：H = %1 奈特 = %2 比特，介于 0（某一类确定）与 ln %3 = %4 奈特 = %5 比特（全部相等）之间</translation>
    </message>
    <message>
        <source>Naive softmax never breaks as T falls: the largest logit is 0 and exp(0 / T) = 1.</source>
        <translation>T 降低时朴素 softmax 不会失效：最大的 logit 为 0，exp(0 / T) = 1。</translation>
    </message>
    <message>
        <source>Naive softmax gives NaN at every T: a logit is NaN or +inf, or every logit is -inf.</source>
        <translation>朴素 softmax 在任何 T 下都得到 NaN：有 logit 为 NaN 或 +inf，或所有 logit 都是 -inf。</translation>
    </message>
    <message>
        <source>Naive softmax overflows (exp(max z / T) = inf, NaN) for T below: %1.</source>
        <translation>朴素 softmax 在 T 低于以下值时上溢（exp(max z / T) = inf，结果 NaN）：%1。</translation>
    </message>
    <message>
        <source>Naive softmax underflows (every exp(z / T) = 0, 0/0 = NaN) for T below: %1.</source>
        <translation>朴素 softmax 在 T 低于以下值时下溢（所有 exp(z / T) = 0，0/0 = NaN）：%1。</translation>
    </message>
    <message>
        <source>At T = %1 it gives NaN in no format.</source>
        <translation>在 T = %1 时，它在任何格式中都不会得到 NaN。</translation>
    </message>
    <message>
        <source>At T = %1 it gives NaN in %2.</source>
        <translation>在 T = %1 时，它在 %2 中得到 NaN。</translation>
    </message>
    <message>
        <source>%1: NaN for T &lt; %2</source>
        <translation>%1：T &lt; %2 时为 NaN</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::SoftmaxTableModel</name>
    <message>
        <source>naive</source>
        <translation>朴素</translation>
    </message>
    <message>
        <source>shifted (z - max)</source>
        <translation>平移（z − max）</translation>
    </message>
    <message>
        <source>log-softmax</source>
        <translation>log-softmax</translation>
    </message>
    <message>
        <source>Higham (log1p)</source>
        <translation>Higham（log1p）</translation>
    </message>
    <message>
        <source>shifted</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Higham</source>
        <translation>Higham</translation>
    </message>
    <message>
        <source>naive: exp(z_i) / Σ exp(z_j)</source>
        <translation>朴素：exp(z_i) / Σ exp(z_j)</translation>
    </message>
    <message>
        <source>shifted: exp(z_i − max) / Σ exp(z_j − max)</source>
        <translation>平移：exp(z_i − max) / Σ exp(z_j − max)</translation>
    </message>
    <message>
        <source>log-softmax: exp(z_i − max − log Σ exp(z_j − max))</source>
        <translation>log-softmax：exp(z_i − max − log Σ exp(z_j − max))</translation>
    </message>
    <message>
        <source>Higham: log-sum-exp with log1p of the sum without its largest term</source>
        <translation>Higham：log-sum-exp，对去掉最大项后的和使用 log1p</translation>
    </message>
    <message>
        <source>element i = %1</source>
        <translation>元素 i = %1</translation>
    </message>
    <message>
        <source>index i of the logit</source>
        <translation>logit 的下标 i</translation>
    </message>
    <message>
        <source>i</source>
        <translation>i</translation>
    </message>
    <message>
        <source>the logit z_i, rounded to the format (times the scale)</source>
        <translation>logit z_i（乘以缩放系数后）舍入到该格式</translation>
    </message>
    <message>
        <source>logit z</source>
        <translation>logit z</translation>
    </message>
    <message>
        <source>the exact softmax p_i (MPFR), correctly rounded to the format</source>
        <translation>精确的 softmax p_i（MPFR），正确舍入到该格式</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考值</translation>
    </message>
    <message>
        <source>error of %1 in ULPs: |computed − exact| / ulp(exact); 0.5 or less is correctly rounded</source>
        <translation>%1 的 ULP 误差：|计算值 − 精确值| / ulp(精确值)；不超过 0.5 即为正确舍入</translation>
    </message>
    <message>
        <source>ulp</source>
        <translation>ulp</translation>
    </message>
    <message>
        <source>A NaN logit makes every probability NaN.</source>
        <translation>只要有一个 logit 是 NaN，所有概率都是 NaN。</translation>
    </message>
    <message>
        <source>exp(%1) = inf in %2 (above ln(max) = %3), so inf/inf = NaN.</source>
        <translation>在 %2 中 exp(%1) = inf（超过 ln(max) = %3），因此 inf/inf = NaN。</translation>
    </message>
    <message>
        <source>Every exp(z_i) underflows to 0 in %1 (all z below ln(min subnormal) = %2), so 0/0 = NaN.</source>
        <translation>在 %1 中所有 exp(z_i) 都下溢为 0（所有 z 都低于 ln(最小次正规数) = %2），因此 0/0 = NaN。</translation>
    </message>
    <message>
        <source>An infinite logit gives inf - inf = NaN after the shift.</source>
        <translation>无穷大的 logit 在平移后得到 inf − inf = NaN。</translation>
    </message>
    <message>
        <source>NaN from an invalid operation (inf/inf, 0/0 or inf - inf).</source>
        <translation>无效运算（inf/inf、0/0 或 inf − inf）产生了 NaN。</translation>
    </message>
    <message>
        <source>inf: exp(z_i) overflowed in %1 (z_i above ln(max) = %2).</source>
        <translation>inf：在 %1 中 exp(z_i) 上溢（z_i 超过 ln(max) = %2）。</translation>
    </message>
    <message>
        <source>p_i = exp(%1) underflows to 0 in %2, but the log-probability %1 stays accurate: use it for losses.</source>
        <translation>在 %2 中 p_i = exp(%1) 下溢为 0，但对数概率 %1 仍然准确：计算损失时请用它。</translation>
    </message>
    <message>
        <source>exp(%1) underflows to 0 in %2 (below ln(min subnormal) = %3).</source>
        <translation>在 %2 中 exp(%1) 下溢为 0（低于 ln(最小次正规数) = %3）。</translation>
    </message>
    <message>
        <source>exp(%1) underflows to 0 in %2 (below ln(min subnormal) = %3); the true p_i is %4.</source>
        <translation>在 %2 中 exp(%1) 下溢为 0（低于 ln(最小次正规数) = %3）；真实的 p_i 为 %4。</translation>
    </message>
    <message>
        <source>The exact MPFR reference is being computed…</source>
        <translation>正在计算精确的 MPFR 参考值…</translation>
    </message>
    <message>
        <source>Exact (MPFR): %1
Correctly rounded to %2: %3</source>
        <translation>精确值（MPFR）：%1
正确舍入到 %2：%3</translation>
    </message>
    <message>
        <source>|computed - exact| / ulp(exact) = %1; a correctly rounded result scores &lt;= 0.5</source>
        <translation>|计算值 − 精确值| / ulp(精确值) = %1；正确舍入的结果不超过 0.5</translation>
    </message>
    <message>
        <source>log p_i = %1</source>
        <translation>log p_i = %1</translation>
    </message>
    <message>
        <source>Every exp(z_j) is finite in %1, but their sum overflowed to inf (above max = %2), so p_i = finite / inf = 0.</source>
        <translation>在 %1 中每个 exp(z_j) 都是有限的，但它们的和上溢为 inf（超过最大值 %2），所以 p_i = 有限值 / inf = 0。</translation>
    </message>
    <message>
        <source>online (running max)</source>
        <translation>在线（滚动最大值）</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>online: one pass keeps the running max m and d = Σ exp(z_j − m), multiplying d by exp(m_old − m_new) when the max grows; then exp(z_i − m) / d</source>
        <translation>在线：一次遍历维护滚动最大值 m 和 d = Σ exp(z_j − m)，最大值增大时把 d 乘以 exp(m_old − m_new)；然后计算 exp(z_i − m) / d</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::TemperatureAxis</name>
    <message>
        <source>Temperature T = 1/scale under the slider. A mark shows where the naive softmax of these logits breaks in a format: for every T below it (to its right) an exp overflows to inf, or every exp is 0, and the result is NaN. Click to move the slider.</source>
        <translation>滑块下方是温度 T = 1/缩放。每个标记表示这些 logit 的朴素 softmax 在某一格式中失效的位置：T 低于它（在它右侧）时，某个 exp 上溢为 inf，或所有 exp 都为 0，结果为 NaN。点击可移动滑块。</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::TrainingControls</name>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Named scenarios, reproducible by seed</source>
        <translation>命名场景，可按随机种子复现</translation>
    </message>
    <message>
        <source>Data and network</source>
        <translation>数据与网络</translation>
    </message>
    <message>
        <source>MNIST-10k (embedded)</source>
        <translation>MNIST-10k（内置）</translation>
    </message>
    <message>
        <source>IDX directory...</source>
        <translation>IDX 目录…</translation>
    </message>
    <message>
        <source>2-D: %1</source>
        <translation>二维：%1</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>directory with train-images-idx3-ubyte ...</source>
        <translation>包含 train-images-idx3-ubyte 等文件的目录</translation>
    </message>
    <message>
        <source>...</source>
        <translation>…</translation>
    </message>
    <message>
        <source>IDX path</source>
        <translation>IDX 路径</translation>
    </message>
    <message>
        <source>IDX data set directory</source>
        <translation>IDX 数据集目录</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Two digits: A vs B</source>
        <translation>两个数字：A 对 B</translation>
    </message>
    <message>
        <source>One digit vs the rest</source>
        <translation>一个数字对其余</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Hidden layer widths, comma separated (empty: no hidden layer)</source>
        <translation>隐藏层宽度，用逗号分隔（留空：无隐藏层）</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Multiplies the initial weights: large values provoke large logits</source>
        <translation>初始权重的倍数：值大会产生大的 logits</translation>
    </message>
    <message>
        <source>x</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>The learning rate is multiplied by this every K epochs</source>
        <translation>每 K 个 epoch 将学习率乘以此值</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source>lr decay</source>
        <translation>lr 衰减</translation>
    </message>
    <message>
        <source>Run A</source>
        <translation>运行 A</translation>
    </message>
    <message>
        <source>Twin run B (same initial weights and batches)</source>
        <translation>孪生运行 B（相同的初始权重与批次）</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>运行 B</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>输出头</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Custom settings. Pick a preset to load a scenario with its explanation.</source>
        <translation>自定义设置。选择一个预设可载入带说明的场景。</translation>
    </message>
    <message>
        <source>Custom settings, changed from the preset “%1”: its explanation no longer applies. Pick a preset to load a scenario with its explanation.</source>
        <translation>自定义设置，由预设“%1”修改而来：它的说明已不再适用。选择一个预设以载入带说明的场景。</translation>
    </message>
    <message>
        <source>Float32 master weights (16-bit formats)</source>
        <translation>float32 主权重（16 位格式）</translation>
    </message>
    <message>
        <source>No loss scaling</source>
        <translation>不做损失缩放</translation>
    </message>
    <message>
        <source>Dynamic loss scaling (as PyTorch&apos;s GradScaler)</source>
        <translation>动态损失缩放（同 PyTorch 的 GradScaler）</translation>
    </message>
    <message>
        <source>Static loss scaling x1024</source>
        <translation>静态损失缩放 ×1024</translation>
    </message>
    <message>
        <source>Stochastic rounding of weight updates</source>
        <translation>权重更新随机舍入</translation>
    </message>
    <message>
        <source>Accumulate dot products in the format (not float32)</source>
        <translation>点积在该格式中累加（而非 float32）</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>master weights</source>
        <translation>主权重</translation>
    </message>
    <message>
        <source>dynamic loss scale</source>
        <translation>动态损失缩放</translation>
    </message>
    <message>
        <source>loss scale x%L1</source>
        <translation>损失缩放 ×%L1</translation>
    </message>
    <message>
        <source>stochastic rounding</source>
        <translation>随机舍入</translation>
    </message>
    <message>
        <source>accumulate in format</source>
        <translation>在格式中累加</translation>
    </message>
    <message>
        <source>round to nearest, no scaling</source>
        <translation>就近舍入，不缩放</translation>
    </message>
    <message>
        <source>Static loss scaling x%L1</source>
        <translation>静态损失缩放 ×%L1</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::TrainingCurves</name>
    <message>
        <source>Loss (line: batches, dots: epochs)</source>
        <translation>损失（线：批次，点：epoch）</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>step (batches)</source>
        <translation>步数（批次）</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>fraction right</source>
        <translation>正确比例</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>%1 batch loss</source>
        <translation>%1 批次损失</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 训练</translation>
    </message>
    <message>
        <source>%1 test</source>
        <translation>%1 测试</translation>
    </message>
    <message>
        <source>%1 NaN/inf batches: %2 in %3 streak(s)</source>
        <translation>%1 NaN/inf 批次：%2 个，共 %3 段</translation>
    </message>
    <message>
        <source>%1 saturated (zero gradient): %2 evaluations</source>
        <translation>%1 饱和（梯度为零）：%2 次评估</translation>
    </message>
    <message>
        <source>%1 batch accuracy (smoothed)</source>
        <translation>%1 批次准确率（平滑）</translation>
    </message>
    <message>
        <source>%1 learning rate</source>
        <translation>%1 学习率</translation>
    </message>
    <message>
        <source>A and B coincide so far (losses within 0.1%): B dashed around A</source>
        <translation>A 与 B 至今重合（损失相差在 0.1% 以内）：B 以虚线画在 A 上</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::TrainingData</name>
    <message>
        <source>no error</source>
        <translation>没有错误</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>is not valid gzip data (corrupt or cut short)</source>
        <translation>不是有效的 gzip 数据（已损坏或被截断）</translation>
    </message>
    <message>
        <source>is larger than the 256 MiB limit</source>
        <translation>超过 256 MiB 的上限</translation>
    </message>
    <message>
        <source>is shorter than its header says</source>
        <translation>比文件头声明的短</translation>
    </message>
    <message>
        <source>does not start with the IDX magic number</source>
        <translation>开头不是 IDX 魔数</translation>
    </message>
    <message>
        <source>does not hold unsigned bytes (IDX type 0x08)</source>
        <translation>不是无符号字节（IDX 类型 0x08）</translation>
    </message>
    <message>
        <source>has the wrong number of dimensions</source>
        <translation>维数不对</translation>
    </message>
    <message>
        <source>has a dimension of size 0</source>
        <translation>有一个维度大小为 0</translation>
    </message>
    <message>
        <source>has more data than its header says</source>
        <translation>数据比文件头声明的多</translation>
    </message>
    <message>
        <source>has a label outside 0..9</source>
        <translation>含有 0..9 以外的标签</translation>
    </message>
    <message>
        <source>has a different number of labels than images</source>
        <translation>标签数与图像数不一致</translation>
    </message>
    <message>
        <source>is invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>The embedded MNIST-10k data is missing from this build.</source>
        <translation>此版本缺少内置的 MNIST-10k 数据。</translation>
    </message>
    <message>
        <source>The embedded MNIST-10k %1</source>
        <translation>内置的 MNIST-10k 数据%1</translation>
    </message>
    <message>
        <source>MNIST-10k (embedded)</source>
        <translation>MNIST-10k（内置）</translation>
    </message>
    <message>
        <source>Choose a directory holding the four IDX files of a data set.</source>
        <translation>请选择包含数据集四个 IDX 文件的目录。</translation>
    </message>
    <message>
        <source>%1 in %2 %3</source>
        <translation>%2 中的 %1 %3</translation>
    </message>
    <message>
        <source>: %1 train / %2 test</source>
        <translation>：训练 %1 / 测试 %2</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>is a directory, not a file</source>
        <translation>是一个目录，不是文件</translation>
    </message>
    <message>
        <source>%1 vs rest</source>
        <translation>%1 对其余</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 对 %2</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>，%1</translation>
    </message>
    <message>
        <source>A two-class task needs two different classes between 0 and %1.</source>
        <translation>二分类任务需要 0 到 %1 之间两个不同的类别。</translation>
    </message>
    <message>
        <source>Class %1 has no training samples in these data: a two-class task needs both.</source>
        <translation>这些数据中类别 %1 没有训练样本：二分类任务需要两个类别都有样本。</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::TrainingPage</name>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>单步 ▸</translation>
    </message>
    <message>
        <source>Train one batch (Right arrow)</source>
        <translation>训练一个批次（右方向键）</translation>
    </message>
    <message>
        <source>Epoch ▸▸</source>
        <translation>一轮 ▸▸</translation>
    </message>
    <message>
        <source>Train to the end of the epoch</source>
        <translation>训练到本 epoch 结束</translation>
    </message>
    <message>
        <source>◂ Back</source>
        <translation>◂ 后退</translation>
    </message>
    <message>
        <source>Step back one batch (Left arrow), up to 100</source>
        <translation>后退一个批次（左方向键），最多 100 次</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start again from the initial weights (R)</source>
        <translation>从初始权重重新开始（R）</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <source>Stop at</source>
        <translation>停止于</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 个 epoch</translation>
    </message>
    <message>
        <source>Clear (or right click)</source>
        <translation>清除（或单击右键）</translation>
    </message>
    <message>
        <source>A and B on the drawn digit</source>
        <translation>A 与 B 对手写数字的判断</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>Step inspector</source>
        <translation>单步检查</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>%1 batches/s</source>
        <translation>%1 批次/秒</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>step %1 · epoch %2</source>
        <translation>第 %1 步 · epoch %2</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source> · limit reached</source>
        <translation> · 已到上限</translation>
    </message>
    <message>
        <source> · training</source>
        <translation> · 训练中</translation>
    </message>
    <message>
        <source>less ▴</source>
        <translation>收起 ▴</translation>
    </message>
    <message>
        <source>more ▾</source>
        <translation>更多 ▾</translation>
    </message>
    <message>
        <source>Show only the first line</source>
        <translation>只显示第一行</translation>
    </message>
    <message>
        <source>Show the whole explanation</source>
        <translation>显示完整说明</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>A − B difference</source>
        <translation>A − B 差异</translation>
    </message>
    <message>
        <source>New run set up: press Play (Space) or Step (Right) to train</source>
        <translation>新的运行已设置：按播放（空格）或单步（右方向键）开始训练</translation>
    </message>
    <message>
        <source>Data: loading…</source>
        <translation>数据：正在加载…</translation>
    </message>
    <message>
        <source>Show or hide the run&apos;s settings (hidden at the start when the screen is too narrow for them beside the plots)</source>
        <translation>显示或隐藏运行设置（屏幕太窄、放不下设置和图表时，开始时自动隐藏）</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::TrainingText</name>
    <message>
        <source>softmax output, -log(p) (probabilities)</source>
        <translation>softmax 输出，-log(p)（概率）</translation>
    </message>
    <message>
        <source>softmax output, clipped to [1e-7, 1-1e-7] (Keras)</source>
        <translation>softmax 输出，截断到 [1e-7, 1-1e-7]（Keras）</translation>
    </message>
    <message>
        <source>linear output, cross-entropy from_logits</source>
        <translation>线性输出，交叉熵 from_logits</translation>
    </message>
    <message>
        <source>sigmoid output, binary cross-entropy (probabilities)</source>
        <translation>sigmoid 输出，二元交叉熵（概率）</translation>
    </message>
    <message>
        <source>sigmoid output, clipped (Keras)</source>
        <translation>sigmoid 输出，截断（Keras）</translation>
    </message>
    <message>
        <source>linear output, binary cross-entropy from_logits</source>
        <translation>线性输出，二元交叉熵 from_logits</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>softmax clipped</source>
        <translation>softmax 截断</translation>
    </message>
    <message>
        <source>from_logits</source>
        <translation>from_logits</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>sigmoid clipped</source>
        <translation>sigmoid 截断</translation>
    </message>
    <message>
        <source>sigmoid from_logits</source>
        <translation>sigmoid from_logits</translation>
    </message>
    <message>
        <source>the training set is empty</source>
        <translation>训练集为空</translation>
    </message>
    <message>
        <source>training and test samples differ in size</source>
        <translation>训练样本与测试样本大小不同</translation>
    </message>
    <message>
        <source>the task has fewer than two classes</source>
        <translation>任务的类别少于两个</translation>
    </message>
    <message>
        <source>a sigmoid head needs a two-class task: choose two digits or one digit against the rest, or the xor or circles set</source>
        <translation>sigmoid 输出头需要二分类任务：请选择两个数字、一个数字对其余，或 xor、circles 数据集</translation>
    </message>
    <message>
        <source>hidden layer widths must be between 1 and 65536</source>
        <translation>隐藏层宽度必须在 1 到 65536 之间</translation>
    </message>
    <message>
        <source>the batch size must be between 1 and 65536</source>
        <translation>批大小必须在 1 到 65536 之间</translation>
    </message>
    <message>
        <source>the number of epochs must be at least 0</source>
        <translation>epoch 数必须至少为 0</translation>
    </message>
    <message>
        <source>the learning rate must be a positive finite number</source>
        <translation>学习率必须是有限正数</translation>
    </message>
    <message>
        <source>the decay rate must be in (0, 1] and its interval at least 1</source>
        <translation>衰减率必须在 (0, 1] 内，且间隔至少为 1</translation>
    </message>
    <message>
        <source>L2 must be a finite number &gt;= 0</source>
        <translation>L2 必须是 &gt;= 0 的有限数</translation>
    </message>
    <message>
        <source>the init scale must be a positive finite number</source>
        <translation>初始化倍数必须是有限正数</translation>
    </message>
    <message>
        <source>an optimiser parameter is out of range</source>
        <translation>某个优化器参数超出范围</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <source>inf</source>
        <translation>inf</translation>
    </message>
    <message>
        <source>finite, but its gradient NaN/inf</source>
        <translation>有限，但其梯度为 NaN/inf</translation>
    </message>
    <message>
        <source>Run %1: the loss became %2 at step %3 — </source>
        <translation>运行 %1：损失在第 %3 步变为 %2 —— </translation>
    </message>
    <message>
        <source>the softmax probability of the true class underflowed to 0 in %1, so -log(p) = inf, and its gradient (-1/p) * p = inf * 0 is NaN, which spreads into the weights.</source>
        <translation>在 %1 中真实类别的 softmax 概率下溢为 0，所以 -log(p) = inf，其梯度 (-1/p) * p = inf * 0 为 NaN，并扩散到权重中。</translation>
    </message>
    <message>
        <source>sigmoid(z) rounded to exactly 1 (or 0) in %1 for a large logit, so log(1 - p) = log(0) = -inf; the gradient inf * 0 is NaN and spreads into every weight.</source>
        <translation>对于大的 logit，sigmoid(z) 在 %1 中被舍入为恰好 1（或 0），所以 log(1 - p) = log(0) = -inf；梯度 inf * 0 为 NaN，并扩散到每个权重。</translation>
    </message>
    <message>
        <source>this head cannot overflow for finite logits, so the weights themselves overflowed: the learning rate or the init scale is too large.</source>
        <translation>对有限的 logits，这种输出头不会上溢，所以是权重本身上溢了：学习率或初始化倍数太大。</translation>
    </message>
    <message>
        <source>Run %1 (%2) is unaffected so far.</source>
        <translation>运行 %1（%2）至今未受影响。</translation>
    </message>
    <message>
        <source>Run %1 (%2) has NaN/inf events too.</source>
        <translation>运行 %1（%2）也出现了 NaN/inf。</translation>
    </message>
    <message>
        <source>Run %1 at step %2: %3 of %4 test samples are misclassified with a gradient of exactly 0</source>
        <translation>运行 %1 第 %2 步：%4 个测试样本中有 %3 个被分错且梯度恰好为 0</translation>
    </message>
    <message>
        <source> — their probability of the true class is clipped at 1e-7, the loss is stuck at -log(1e-7) = 16.118 and the clip passes back no gradient, so they teach nothing.</source>
        <translation> —— 它们真实类别的概率被截断在 1e-7，损失卡在 -log(1e-7) = 16.118，截断不回传梯度，所以它们对网络毫无教益。</translation>
    </message>
    <message>
        <source> — the probability of the true class rounded to 0 or 1, so the gradient vanished.</source>
        <translation> —— 真实类别的概率被舍入为 0 或 1，所以梯度消失了。</translation>
    </message>
    <message>
        <source>Run %1 (%2) has %3 such samples.</source>
        <translation>运行 %1（%2）有 %3 个这样的样本。</translation>
    </message>
    <message>
        <source>the network is too large: at most %L1 weights and %L2 activation values per batch (batch size times the sum of the layer widths)</source>
        <translation>网络过大：最多 %L1 个权重，每批最多 %L2 个激活值（批大小乘以各层宽度之和）</translation>
    </message>
    <message>
        <source>training runs in float16, bfloat16, float32 or float64</source>
        <translation>训练只能使用 float16、bfloat16、float32 或 float64</translation>
    </message>
    <message>
        <source>float32 master weights need a float16 or bfloat16 run (a float32 or float64 run is its own master copy): choose one of those formats or turn them off under Precision</source>
        <translation>float32 主权重只用于 float16 或 bfloat16 训练（float32 或 float64 训练本身就是主副本）：请选择这两种格式之一，或在“精度”中关闭它</translation>
    </message>
    <message>
        <source>stochastic rounding needs a format narrower than float64: choose another format or turn it off under Precision</source>
        <translation>随机舍入需要比 float64 更窄的格式：请选择其他格式，或在“精度”中关闭它</translation>
    </message>
    <message>
        <source>a loss-scaling option is out of range</source>
        <translation>某个损失缩放选项超出范围</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::TrainingWorker</name>
    <message>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::TwinDifference</name>
    <message>
        <source>How far B is from A: |loss A − loss B| and max |w_A − w_B| per batch</source>
        <translation>B 离 A 有多远：每个批次的 |loss A − loss B| 和 max |w_A − w_B|</translation>
    </message>
    <message>
        <source>step (batches)</source>
        <translation>步数（批次）</translation>
    </message>
    <message>
        <source>difference (0 drawn at 1e-20)</source>
        <translation>差异（0 画在 1e-20 处）</translation>
    </message>
    <message>
        <source>|loss A − loss B| (batch)</source>
        <translation>|loss A − loss B|（批次）</translation>
    </message>
    <message>
        <source>max |w_A − w_B| over all weights</source>
        <translation>所有权重上的 max |w_A − w_B|</translation>
    </message>
    <message>
        <source>A − B difference: turn on twin run B to compare two runs</source>
        <translation>A − B 差异：打开孪生运行 B 以比较两次运行</translation>
    </message>
</context>
<context>
    <name>logitlab::ui::WeightsView</name>
    <message>
        <source>First-layer weights (one image per unit, shared scale)</source>
        <translation>第一层权重（每个单元一幅图，共用色标）</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>%1 first-layer weights</source>
        <translation>%1 第一层权重</translation>
    </message>
    <message>
        <source>%1 — every weight is NaN/inf</source>
        <translation>%1 —— 所有权重都是 NaN/inf</translation>
    </message>
    <message>
        <source>No model yet: press Play (Space) or Step (Right).</source>
        <translation>还没有模型：按播放（空格）或单步（右方向键）。</translation>
    </message>
</context>
</TS>
