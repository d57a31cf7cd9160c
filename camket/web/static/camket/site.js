// Behaviour that used to sit in on…= attributes, which the Content-Security-Policy forbids.
// <select data-autosubmit> sends its form when changed; <button data-print> prints the page;
// <button data-back> goes back one page.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field.matches && field.matches("[data-autosubmit]") && field.form) {
    field.form.submit();
  }
});
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-print], [data-back]");
  if (!button) {
    return;
  }
  if (button.hasAttribute("data-print")) {
    window.print();
  } else {
    history.back();
  }
});
