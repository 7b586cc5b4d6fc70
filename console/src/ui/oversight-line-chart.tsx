/**
 * A line chart over time drawn by Chart.js, loaded only when a page draws one
 * (not part of the first load): one line per series; a dashed series shares
 * its colour with the solid one before it. The canvas is an image named by
 * its caption; the figures are on the page as a table (the caller's), which
 * is what screen readers read.
 */
import { useEffect, useRef } from "react";

export interface LineSeries {
  label: string;
  values: number[];
  /** Drawn dashed, in the colour of the series before it (e.g. "of which confirmed"). */
  dashed?: boolean;
}

/** Told apart by colour, dash and the legend's order; each has contrast against white. */
const COLOURS = ["#0b4f9c", "#b35900", "#2e7d32", "#7b1fa2", "#a40000"];

async function loadChart() {
  const { Chart, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip } = await import("chart.js");
  Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
  return Chart;
}

function coloured(series: LineSeries[]) {
  let colour = -1;
  return series.map((each) => {
    if (!each.dashed || colour < 0) colour++;
    const tone = COLOURS[colour % COLOURS.length];
    return { label: each.label, data: each.values, borderColor: tone, backgroundColor: tone, borderDash: each.dashed ? [6, 4] : [], tension: 0 };
  });
}

export function LineChart({ label, categories, series }: { label: string; categories: string[]; series: LineSeries[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([label, categories, series]);
  useEffect(() => {
    let cancelled = false;
    let chart: { destroy(): void } | undefined;
    void loadChart().then((Chart) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        type: "line",
        data: { labels: categories, datasets: coloured(series) },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [key]);
  return (
    <div className="chart oversight-chart" data-categories={categories.join(" | ")}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
