import { datasets } from "./datasets.js";

/** The data dictionary, generated from the same definitions the files are written from. */
export function dataDictionary() {
  return {
    description: {
      zh: "重大行政决策公开数据的数据字典。依法不予公开的字段为空，说明见 withholding-notices 数据集。",
      en: "Data dictionary of the open data on major administrative decisions. Fields withheld by law are empty; the withholding-notices dataset says why.",
    },
    datasets: datasets.map((dataset) => ({
      name: dataset.name,
      title: dataset.title,
      files: { csv: `/open-data/${dataset.name}.csv`, csvForSpreadsheets: `/open-data/${dataset.name}.excel.csv`, ndjson: `/open-data/${dataset.name}.ndjson` },
      filters: [...(dataset.byDecision ? ["decisionId", "catalogYear", "regionId", "lastActivitySince"] : []), ...(dataset.updatedSince ? ["updatedSince"] : [])],
      columns: dataset.columns.map((column) => ({
        name: column.name,
        type: column.type,
        ...(column.idOf ? { idOf: column.idOf === "subject" ? "the record named by subjectType" : column.idOf } : {}),
        ...(column.values ? { values: column.values } : {}),
        withholdable: column.withholdable,
        description: column.description,
      })),
    })),
  };
}
