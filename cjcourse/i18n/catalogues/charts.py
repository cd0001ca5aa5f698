"""Texts of the charts themselves (``cjcourse.charts``)."""

ES = {
    "charts.default_alt": "Gráfico sin descripción (añade description= al gráfico)",
}

EN = {
    "charts.default_alt": "Chart without a description (add description= to the chart)",
}
