(window.courseWidgets = window.courseWidgets || []).push(["depth", function () {}]);
