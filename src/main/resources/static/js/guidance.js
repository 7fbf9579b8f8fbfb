// The print button of the material list; the print stylesheet (@media print in tongban.css) hides the header and navigation.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print-page');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
});
