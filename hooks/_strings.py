"""The words the hooks write into the pages, in each language.

Not a hook itself: ``hooks/_tables.py`` (cards and tables) and
``hooks/_ideas.py`` (where an idea holds) take a ``lang`` and read their words
here. ``WORDS`` holds each language's phrases under the same keys, with the
same ``{slots}``; ``PROSE_ZH`` the Chinese of the sentences that
``course_code`` itself holds (catalogue notes, where an idea breaks), keyed by
the English sentence.

A Chinese page whose generated text has no translation fails the build, with
the sentence to translate (:func:`prose`): when ``course_code`` changes a
note, the Chinese edition cannot silently show the old one or an English one.
``tests/test_hooks_units.py`` checks that both languages have the same keys
and slots.
"""

from __future__ import annotations

import re

#: The phrases, per language; each value is a ``str.format`` template.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "derivative": "Derivative:",
        "figure_alt": "{name} and its derivative, drawn by course_code",
        "range": "**Range:** {range}; bounded: {bounded}",
        "properties": "**Properties:** {properties}",
        "no_properties": "none of the listed ones",
        "list_separator": ", ",
        "default_parameters": "**Default parameters:** `{parameters}`",
        "minimum": "**Minimum:** {value} at x = {x}",
        "steepest_slope": "**Steepest slope:** {slope}",
        "slope_limit": "→ {value} as {side} → {end}",
        "slope_at": "{value} at x = {x}",
        "origin": "**Origin:** {authors} ({year}), *{title}*",
        "pytorch": "**PyTorch:** `{name}`",
        "keras": "**Keras:** `{name}`",
        "keras_none": "**Keras:** none",
        "notes": "**Frameworks and notes:** {notes}",
        "bounded_both": "both",
        "bounded_below": "below",
        "bounded_above": "above",
        "bounded_no": "no",
        "card_bounded_both": "both",
        "card_bounded_below": "below",
        "card_bounded_above": "above",
        "card_bounded_no": "no",
        "yes": "yes",
        "no": "no",
        "none": "none",
        "monotonic": "monotonic",
        "smooth": "smooth",
        "zero_centred": "zero-centred",
        "self_gated": "self-gated",
        "elementwise": "elementwise",
        "table_header": "| Function | Range | Bounded | Monotonic | Smooth "
        "| Zero-centred | Self-gated | Steepest slope |",
        "frameworks_header": "| Function | PyTorch | Keras | JAX (`jax.nn`) |",
        "idea_title": "Where the idea holds",
        "idea_agrees": "It agrees with `{reference}` {tolerance} for {where}"
        "{where_said}, without a warning.",
        "idea_exactly": "exactly, bit for bit,",
        "idea_relative": "to a relative error of ${bound}$ or less",
        "idea_every": "every ${x}$",
        "idea_and": " and ",
        "idea_breaks": "It breaks:",
        "idea_break": "for {where}, {says}",
        "idea_exact": " The idea is already exact.",
    },
    "zh": {
        "derivative": "导数：",
        "figure_alt": "{name} 及其导数，由 course_code 绘制",
        "range": "**值域**：{range}；{bounded}",
        "properties": "**性质**：{properties}",
        "no_properties": "不具备所列的任何一项",
        "list_separator": "、",
        "default_parameters": "**默认参数**：`{parameters}`",
        "minimum": "**最小值**：{value}，位于 x = {x}",
        "steepest_slope": "**最大斜率**：{slope}",
        "slope_limit": "当 {side} → {end} 时趋于 {value}",
        "slope_at": "{value}，位于 x = {x}",
        "origin": "**出处**：{authors}（{year}），*{title}*",
        "pytorch": "**PyTorch**：`{name}`",
        "keras": "**Keras**：`{name}`",
        "keras_none": "**Keras**：无",
        "notes": "**框架与说明**：{notes}",
        "bounded_both": "上下均有界",
        "bounded_below": "有下界",
        "bounded_above": "有上界",
        "bounded_no": "否",
        "card_bounded_both": "上下均有界",
        "card_bounded_below": "有下界",
        "card_bounded_above": "有上界",
        "card_bounded_no": "无界",
        "yes": "是",
        "no": "否",
        "none": "无",
        "monotonic": "单调",
        "smooth": "光滑",
        "zero_centred": "零中心",
        "self_gated": "自门控",
        "elementwise": "逐元素",
        "table_header": "| 函数 | 值域 | 有界 | 单调 | 光滑 | 零中心 "
        "| 自门控 | 最大斜率 |",
        "frameworks_header": "| 函数 | PyTorch | Keras | JAX（`jax.nn`） |",
        "idea_title": "思路版在哪里成立",
        "idea_agrees": "对{where}{where_said}，它与 `{reference}` {tolerance}，"
        "且不产生警告。",
        "idea_exactly": "逐位相同",
        "idea_relative": "的相对误差不超过 ${bound}$",
        "idea_every": "所有 ${x}$",
        "idea_and": " 以及 ",
        "idea_breaks": "它在以下情况失效：",
        "idea_break": "当 {where} 时：{says}",
        "idea_exact": "这个思路版本身已是精确的。",
    },
}

#: The Chinese of the sentences course_code holds, keyed by the English.
PROSE_ZH: dict[str, str] = {
    # course_code.catalogue: the notes of the cards
    "Same in every framework. The derivative is at most 1/4, at x = 0.": (
        "各框架相同。导数最大为 1/4，在 x = 0 处取得。"
    ),
    "Same in every framework.": "各框架相同。",
    "Keras 3 and PyTorch use x/6 + 1/2; Keras 2 (tf.keras) used 0.2x + 0.5 "
    "clipped to [0, 1], which reaches 0 and 1 at x = -2.5 and 2.5 instead of "
    "-3 and 3.": (
        "Keras 3 和 PyTorch 使用 x/6 + 1/2；Keras 2（tf.keras）使用截断到 [0, 1] "
        "的 0.2x + 0.5，它在 x = -2.5 和 2.5 处（而不是 -3 和 3）达到 0 和 1。"
    ),
    "PyTorch returns NaN at ±inf (inf/inf); the limit is ±1.": (
        "PyTorch 在 ±inf 处返回 NaN（inf/inf）；极限是 ±1。"
    ),
    "Used inside losses (the log-likelihood of a sigmoid output) more than as "
    "a hidden activation.": (
        "更多用在损失内部（sigmoid 输出的对数似然），而不是作为隐藏层的激活函数。"
    ),
    "Not differentiable at 0; PyTorch, TensorFlow and JAX all use 0 there.": (
        "在 0 处不可导；PyTorch、TensorFlow 和 JAX 在该处都取 0。"
    ),
    "Bounded, for low-precision arithmetic (MobileNet).": (
        "有界，用于低精度运算（MobileNet）。"
    ),
    "PyTorch's min_val and max_val default to -1 and 1.": (
        "PyTorch 的 min_val 和 max_val 默认为 -1 和 1。"
    ),
    "Default slope: 0.01 in PyTorch, 0.2 in keras.activations.leaky_relu, 0.3 "
    "in keras.layers.LeakyReLU. PReLU learns the slope; RReLU draws it at "
    "random during training.": (
        "默认斜率：PyTorch 中为 0.01，keras.activations.leaky_relu 中为 0.2，"
        "keras.layers.LeakyReLU 中为 0.3。"
        "PReLU 学习这个斜率；RReLU 在训练时随机抽取它。"
    ),
    "The slope a is a parameter trained with the weights: PyTorch starts it at "
    "0.25, Keras at 0. PyTorch can learn one slope per channel.": (
        "斜率 a 是与权重一起训练的参数：PyTorch 的初值为 0.25，Keras 为 0。"
        "PyTorch 可以为每个通道学习一个斜率。"
    ),
    "Training draws a fresh slope per element from U(1/8, 1/3); evaluation "
    "uses the mean 11/48. Keras has no RReLU.": (
        "训练时为每个元素从 U(1/8, 1/3) 重新抽取斜率；评估时使用均值 11/48。"
        "Keras 没有 RReLU。"
    ),
    "alpha defaults to 1 everywhere. Continuously differentiable only for "
    "alpha = 1 (CELU is for every alpha).": (
        "alpha 在各处默认都为 1。"
        "只有 alpha = 1 时才连续可导（CELU 对任何 alpha 都连续可导）。"
    ),
    "λ ≈ 1.0507 and α ≈ 1.6733 in every framework; pair it with LeCun normal "
    "initialisation (and AlphaDropout) to self-normalise.": (
        "各框架中都是 λ ≈ 1.0507、α ≈ 1.6733；与 LeCun 正态初始化"
        "（以及 AlphaDropout）搭配才能自归一化。"
    ),
    "Continuously differentiable for every alpha, unlike ELU.": (
        "与 ELU 不同，它对任何 alpha 都连续可导。"
    ),
    "torch.nn.functional.gelu and keras.activations.gelu default to the exact "
    "form (approximate='none' / approximate=False); keras.ops.gelu and "
    "jax.nn.gelu default to the tanh approximation. Minimum about -0.16997 at "
    "x ≈ -0.75179.": (
        "torch.nn.functional.gelu 和 keras.activations.gelu 默认使用精确形式"
        "（approximate='none' / approximate=False）；keras.ops.gelu 和 jax.nn.gelu "
        "默认使用 tanh 近似。最小值约为 -0.16997，位于 x ≈ -0.75179。"
    ),
    "Used by GPT-2 and by Google's BERT code (its first release, and Hugging "
    "Face's BERT, use the exact form); the default of jax.nn.gelu and "
    "keras.ops.gelu. Minimum about -0.17004 at x ≈ -0.75246.": (
        "GPT-2 和 Google 的 BERT 代码使用它（BERT 的首次发布版本和 Hugging Face 的 "
        "BERT 使用精确形式）；它是 jax.nn.gelu 和 keras.ops.gelu 的默认形式。"
        "最小值约为 -0.17004，位于 x ≈ -0.75246。"
    ),
    "Named SiLU by Hendrycks and Gimpel (2016); used in reinforcement learning "
    "by Elfwing et al. (2018, arXiv 2017); Swish with β = 1 (Ramachandran et "
    "al., 2017). Minimum about -0.27846 at x ≈ -1.27846.": (
        "由 Hendrycks 和 Gimpel（2016）命名为 SiLU；Elfwing 等人（2018，arXiv 2017）"
        "将其用于强化学习；即 β = 1 的 Swish（Ramachandran 等人，2017）。"
        "最小值约为 -0.27846，位于 x ≈ -1.27846。"
    ),
    "Minimum about -0.30884 at x ≈ -1.19243.": (
        "最小值约为 -0.30884，位于 x ≈ -1.19243。"
    ),
    "PyTorch's threshold=20 returns x itself once βx > 20 (error up to 2e-9 "
    "in float64); this implementation is exact everywhere. Keras has no "
    "beta.": (
        "PyTorch 的 threshold=20 在 βx > 20 时直接返回 x（float64 中误差可达 2e-9）；"
        "本实现处处精确。Keras 没有 beta。"
    ),
    "A piecewise quadratic stand-in for SiLU, cheap on mobile hardware. "
    "Minimum about -0.37500 at x ≈ -1.50000.": (
        "SiLU 的分段二次替代，在移动硬件上计算代价低。"
        "最小值约为 -0.37500，位于 x ≈ -1.50000。"
    ),
    "lambd defaults to 0.5 in PyTorch and threshold to 0.5 in Keras.": (
        "PyTorch 的 lambd 默认为 0.5，Keras 的 threshold 默认为 0.5。"
    ),
    "Discontinuous at ±λ (it jumps from ∓λ to 0), yet non-decreasing.": (
        "在 ±λ 处不连续（从 ∓λ 跳到 0），但仍单调不减。"
    ),
    "PyTorch computes x - tanh(x) directly and loses every digit for |x| < 1e-8.": (
        "PyTorch 直接计算 x - tanh(x)，在 |x| < 1e-8 时丢失全部有效数字。"
    ),
    "PyTorch names the axis dim; Keras and NumPy say axis.": (
        "PyTorch 把轴称为 dim；Keras 和 NumPy 称为 axis。"
    ),
    "Pair it with the negative log-likelihood loss.": "与负对数似然损失搭配使用。",
    "SwiGLU, GeGLU and ReGLU replace σ by SiLU, GELU and ReLU.": (
        "SwiGLU、GeGLU 和 ReGLU 分别用 SiLU、GELU 和 ReLU 代替 σ。"
    ),
    "Neither PyTorch nor Keras has it built in: write a * silu(b), or "
    "silu(x @ W) * (x @ V) in a feed-forward block (PaLM, LLaMA).": (
        "PyTorch 和 Keras 都没有内置它：写作 a * silu(b)，在前馈块中写作 "
        "silu(x @ W) * (x @ V)（PaLM、LLaMA）。"
    ),
    "Not built into PyTorch or Keras: a * gelu(b).": (
        "PyTorch 和 Keras 都没有内置：a * gelu(b)。"
    ),
    "Not built into PyTorch or Keras: a * relu(b).": (
        "PyTorch 和 Keras 都没有内置：a * relu(b)。"
    ),
    "No layer in PyTorch or Keras: reshape to (..., units, k) and take the max "
    "over the last axis. ReLU is maxout of (z, 0).": (
        "PyTorch 和 Keras 中没有这个层："
        "重塑为 (..., units, k)，再沿最后一个轴取最大值。"
        "ReLU 就是 (z, 0) 的 maxout。"
    ),
    # course_code.ideas: where an idea holds and where it breaks
    "(every entry of a row)": "（一行中的每个元素）",
    "with the label the logit gets wrong ($y = 1$ for $z < 0$, $y = 0$ for "
    "$z \\ge 0$)": (
        "（标签与 logit 的判断相反时：$z < 0$ 时 $y = 1$，$z \\ge 0$ 时 $y = 0$）"
    ),
    "$e^{-x}$ overflows: NumPy warns, and the result is 0, also where "
    "$\\sigma(x)$ is a subnormal number, down to $x \\approx -745.13$.": (
        "$e^{-x}$ 上溢：NumPy 发出警告，结果为 0，即使在 $\\sigma(x)$ 是次正规数"
        "的地方也是如此，一直到 $x \\approx -745.13$。"
    ),
    "$e^{x} - 1$ cancels: $e^{x}$ is within a rounding error of 1, and the "
    "subtraction leaves that error (`np.expm1` computes $e^{x} - 1$ without "
    "it).": (
        "$e^{x} - 1$ 发生相消：$e^{x}$ 与 1 只差一个舍入误差，减法留下的正是这个误差"
        "（`np.expm1` 计算 $e^{x} - 1$ 时没有这个误差）。"
    ),
    "`np.where` computes both branches, and $e^{x}$ overflows in the one it "
    "throws away: the value is right, but NumPy warns.": (
        "`np.where` 会计算两个分支，$e^{x}$ 在被丢弃的那个分支中上溢：值是对的，"
        "但 NumPy 会发出警告。"
    ),
    "$e^{x}$ overflows: NumPy warns, and the result is $\\infty$ where "
    "$\\operatorname{softplus}(x) \\approx x$.": (
        "$e^{x}$ 上溢：NumPy 发出警告，而在 $\\operatorname{softplus}(x) \\approx x$ "
        "的地方结果为 $\\infty$。"
    ),
    "$1 + e^{x}$ rounds away the digits of $e^{x}$, and below "
    "$x \\approx -36.7$ the result is 0 where it should be $e^{x}$.": (
        "$1 + e^{x}$ 把 $e^{x}$ 的有效数字舍入掉了，在 $x \\approx -36.7$ 以下，"
        "本应是 $e^{x}$ 的结果变成了 0。"
    ),
    "$e^{x_i}$ overflows to $\\infty$, and $\\infty / \\infty$ is NaN. "
    "Subtracting $\\max_j x_j$ first changes nothing in exact arithmetic and "
    "keeps every exponential at most 1.": (
        "$e^{x_i}$ 上溢为 $\\infty$，而 $\\infty / \\infty$ 是 NaN。先减去 "
        "$\\max_j x_j$ 在精确算术中不改变任何结果，并使每个指数都不超过 1。"
    ),
    "$p = \\sigma(z)$ rounds to 1, and $\\log(1 - p)$ is $\\log 0$: NumPy "
    "warns, and the loss is $\\infty$ where it is $z$.": (
        "$p = \\sigma(z)$ 舍入为 1，$\\log(1 - p)$ 成了 $\\log 0$：NumPy 发出警告，"
        "本应为 $z$ 的损失变成了 $\\infty$。"
    ),
}


#: The words in the catalogue's formulas, in Chinese: (pattern, replacement),
#: applied in order. "1 for x > 0, else 0" reads "1，当 x > 0 时；否则为 0".
FORMULA_ZH = (
    (
        r"\\text\{ for the largest \}(.*?)(?=, \\text\{ else \})",
        r"\\text{，若为最大的 }\1",
    ),
    (
        r"\\text\{ for \}(.*?)(?=,\\ |, \\text\{ else \}|$)",
        r"\\text{，当 }\1\\text{ 时}",
    ),
    (r", \\text\{ else \}", r"\\text{；否则为 }"),
    (r"\\text\{ in training, else \}", r"\\text{（训练时），否则 }"),
    (r"\\text\{otherwise\}", r"\\text{其他情况}"),
)


def formula(tex: str, lang: str) -> str:
    r"""The words of a catalogue formula in ``lang`` (the math stays).

    >>> formula(r"1 \text{ for } x > 0, \text{ else } 0", "zh")
    '1 \\text{，当 } x > 0\\text{ 时}\\text{；否则为 } 0'
    """
    if lang == "en":
        return tex
    words(lang)
    for pattern, replacement in FORMULA_ZH:
        tex = re.sub(pattern, replacement, tex)
    return tex


def words(lang: str) -> dict[str, str]:
    """The phrases of ``lang`` ("en" or "zh")."""
    try:
        return WORDS[lang]
    except KeyError:
        raise ValueError(f"lang must be one of {sorted(WORDS)}, got {lang!r}") from None


def prose(text: str, lang: str) -> str:
    """``text``, a sentence of course_code, in ``lang``.

    >>> prose("Same in every framework.", "zh")
    '各框架相同。'
    >>> prose("A new note.", "zh")
    Traceback (most recent call last):
    ...
    KeyError: "no Chinese for 'A new note.': add it to PROSE_ZH in hooks/_strings.py"
    """
    if lang == "en" or not text:
        return text
    words(lang)
    try:
        return PROSE_ZH[text]
    except KeyError:
        raise KeyError(
            f"no Chinese for {text!r}: add it to PROSE_ZH in hooks/_strings.py"
        ) from None
