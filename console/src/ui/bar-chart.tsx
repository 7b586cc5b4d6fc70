/**
 * A bar chart drawn by Chart.js, loaded only when a page draws one (it is not
 * part of the first load). The canvas is labelled; the figures it draws are
 * always on the page as text too.
 */
import { useEffect, useRef } from "react";

async function loadChart() {
  const { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } = await import("chart.js");
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
  return Chart;
}

export function BarChart({ label, labels, values }: { label: string; labels: string[]; values: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([label, labels, values]);
  useEffect(() => {
    let cancelled = false;
    let chart: { destroy(): void } | undefined;
    void loadChart().then((Chart) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        type: "bar",
        data: { labels, datasets: [{ label, data: values, backgroundColor: "#0b4f9c" }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [key]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
