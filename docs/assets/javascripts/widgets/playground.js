(window.courseWidgets = window.courseWidgets || []).push(["playground", function () {}]);
