(window.courseWidgets = window.courseWidgets || []).push(["explorer", function () {}]);
