// The widgets' words in Chinese: the table of CourseWidgets.t for
// data-lang="zh" (common.js holds the English one, with the same keys and
// {slots}). Only Chinese pages load it (hooks/_widgets.py). Its terms are
// the glossary's and those the Chinese pages use for the widgets.
(function (root) {
  "use strict";
  var STRINGS = (root.CourseWidgetStrings = root.CourseWidgetStrings || {});
  STRINGS.zh = {
    // Shared
    yes: "是",
    no: "否",
    listSeparator: "、",
    activation: "激活函数",
    // The explorer (explorer.js)
    "explorer.functions": "函数",
    "explorer.family.sigmoid": "sigmoid 族",
    "explorer.family.relu": "ReLU 族",
    "explorer.family.smooth": "光滑函数",
    "explorer.family.shrinkage": "收缩函数",
    "explorer.xRange": "x 范围 ±",
    "explorer.parameter": "{name}：{param}",
    "explorer.legend": "{name}：",
    "explorer.chart": "函数及其导数的图像：{names}；x 从 {from} 到 {to}；用方向键移动光标。",
    "explorer.noFunction": "未选函数",
    "explorer.readout": "{name}：f(x) = {f}，f′(x) = {df}",
    "explorer.facts": "：值域 {from} 到 {to}；单调：{monotonic}；零中心：{zeroCentred}；饱和：{saturates}",
    "explorer.saturates.both": "x → ±∞ 时",
    "explorer.saturates.left": "x → −∞ 时",
    "explorer.saturates.right": "x → +∞ 时",
    // Gradient flow through depth (depth.js)
    "depth.initialisation": "初始化",
    "depth.depth": "深度",
    "depth.width": "宽度",
    "depth.weightScale": "权重尺度",
    "depth.newDraw": "重新抽样",
    "depth.layer": "层",
    "depth.title.variance": "激活值 h 的方差（对数刻度）",
    "depth.title.gradNorm": "梯度范数，每个样本的 ‖∂L/∂z‖（对数刻度）",
    "depth.title.dead": "在每个样本上都有 z ≤ 0 的单元所占比例",
    "depth.network": "{name}，{depth} 层，每层 {width} 个单元",
    "depth.chart.variance": "各层激活值的方差（{network}），对数刻度：第 1 层为 {first}，第 {depth} 层为 {last}。",
    "depth.chart.gradNorm": "各层的梯度范数（{network}），对数刻度：第 1 层为 {first}，第 {depth} 层为 {last}。",
    "depth.chart.dead": "各层中预激活值在每个样本上都不大于 0 的单元所占比例：第 {depth} 层为 {last}。",
    "depth.draw": "第 {seed} 次抽样，权重标准差 {std}",
    "depth.summary":
      "第 1 层的梯度范数是第 {depth} 层的 {gradient} 倍：{gradientVerdict}。" +
      "第 {depth} 层激活值的方差是第 1 层的 {variance} 倍：{varianceVerdict}。" +
      "在第 {depth} 层，{dead}% 的单元在每个样本上都有 z ≤ 0（对 ReLU 而言，即死亡单元）。",
    "depth.vanishing": "梯度消失",
    "depth.exploding": "梯度爆炸",
    "depth.sameOrder": "量级相同",
    "depth.fades": "信号衰减",
    "depth.grows": "信号增强",
    "depth.keeps": "信号保持其尺度",
    // The network playground (playground.js)
    "playground.dataset": "数据集",
    "playground.hiddenLayers": "隐藏层数",
    "playground.units": "每层单元数",
    "playground.learningRate": "学习率",
    "playground.seed": "随机种子",
    "playground.train": "训练",
    "playground.pause": "暂停",
    "playground.step": "单步",
    "playground.reset": "重置",
    "playground.epoch": "轮",
    "playground.loss": "损失",
    "playground.lossChart": "逐轮的训练损失，对数刻度",
    "playground.regions": "网络的决策区域（数据集：{dataset}；{points} 个训练点，每个类别一种标记形状）",
    "playground.untrained": "第 0 轮：尚未训练。",
    "playground.training": "第 {epoch} 轮：损失 {loss}，训练准确率 {accuracy}%。",
    "playground.solved": "第 {epoch} 轮：损失 {loss}，训练准确率 {accuracy}%。每个训练点都已分类正确。",
    "playground.stopped": "第 {epoch} 轮：损失 {loss}，训练准确率 {accuracy}%。训练 {epoch} 轮后停止。",
    "playground.diverged": "第 {epoch} 轮：损失 {loss}，训练准确率 {accuracy}%：损失发散了；请降低学习率并重置。",
  };
  // Widgets that waited for this table mount now.
  if (root.CourseWidgets) root.CourseWidgets.mountAll();
})(typeof window !== "undefined" ? window : globalThis);
