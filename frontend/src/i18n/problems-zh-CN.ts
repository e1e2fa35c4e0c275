// The import report's problems in Chinese, one sentence per kind (api/problem-params.ts), from the params
// the server sends beside its English message. Areas in m² and, for land, 亩; shares as %.
import type { BundleLayer, ProblemSentences } from '../api/problem-params';
import { formatAreaSqm, formatCount, formatPercent, formatSqmAsMu } from '../format';
import { formatBytes } from '../import/import-helpers';

const LAYERS: Record<BundleLayer, string> = {
  regions: '区县', parks: '园区', parcels: '宗地', buildings: '建筑', units: '单元', enterprises: '企业', land_rights: '用地权属', indicators: '企业指标',
};

/** The words of PostGIS's ST_IsValidReason (GEOS), e.g. "Self-intersection[108.9 32.7]" */
const VALIDITY_REASONS: Record<string, string> = {
  'Self-intersection': '自相交',
  'Ring Self-intersection': '环自相交',
  'Too few points in geometry component': '点数太少',
  'Hole lies outside shell': '内环在外环之外',
  'Nested holes': '内环互相嵌套',
  'Nested shells': '外环互相嵌套',
  'Interior is disconnected': '内部被分割成不相连的部分',
  'Duplicate Rings': '环重复',
  'Invalid Coordinate': '坐标无效',
};

/** "Self-intersection[108.9 32.7]" → "自相交，位置 108.9 32.7"; a reason not listed stays as PostGIS said it */
export function validityReasonZhCN(reason: string): string {
  const m = /^([^[]+?)\s*\[(.*)\]$/.exec(reason);
  const name = m ? m[1] : reason;
  const zh = VALIDITY_REASONS[name];
  if (!zh) return reason;
  return m ? `${zh}，位置 ${m[2]}` : zh;
}

const list = (items: readonly string[]) => items.join('、') || '无';

/**
 * The Chinese word for each allowed value, by field, that the server also accepts in place of the value
 * (backend/src/import/synonyms.json; a test holds the two together)
 */
export const ALLOWED_WORDS_ZH_CN: Record<string, Record<string, string>> = {
  level: { national: '国家级', provincial: '省级', county: '县级' },
  land_use: { industrial: '工业', warehouse: '仓储', commercial: '商业', public: '公共', other: '其他' },
  idle_cause: { enterprise: '企业原因', government: '政府原因' },
  kind: { standard_factory: '标准化厂房', factory: '厂房', warehouse: '仓库', office: '办公楼', other: '其他' },
  status: { vacant: '空置', leased: '已出租', reserved: '预留', operating: '在营', half_halted: '半停产', halted: '停产', closed: '关闭' },
  role: { owner: '业主', tenant: '承租' },
};

/** The allowed values in the Chinese the server accepts, when every one has a word; else as the values */
function allowedZhCN(field: string, allowed: readonly string[]): string {
  const words = ALLOWED_WORDS_ZH_CN[field];
  return words && allowed.every((v) => words[v]) ? list(allowed.map((v) => words[v])) : list(allowed);
}

const SOURCE_LAYER_WORDS: Record<string, string> = { shapefile: 'Shapefile 图层', file: '文件', 'feature table': '要素表' };

/** Land area: m² with its 亩 */
const land = (sqm: number) => `${formatAreaSqm(sqm)}（${formatSqmAsMu(sqm)}）`;
const signedPercent = (share: number) => `${share > 0 ? '+' : ''}${formatPercent(share)}`;
const ringAt = (p: { polygon: number; ring: number }) => `第 ${p.polygon} 个面的第 ${p.ring} 个环`;

export const problemSentencesZhCN: ProblemSentences = {
  geometryInvalidRepairable: (p) =>
    `图形无效（${validityReasonZhCN(p.reason)}）。可用 ST_MakeValid 修复，修复后面积 ${land(p.repairedAreaSqm)}：勾选下方“用 ST_MakeValid 修复无效几何”后再检查，或在 QGIS 中改正后重新导入`,
  geometryInvalidUnrepairable: (p) => `图形无效（${validityReasonZhCN(p.reason)}），无法修复成面：请在 QGIS 中重新绘制`,
  geometryInvalid: (p) => `图形无效（${validityReasonZhCN(p.reason)}）：自相交多半是画成了“8”字形或同一个环画了两次，请在 QGIS 中改正或用 ST_MakeValid 修复`,
  geometryRepaired: (p) => `图形原本无效（${validityReasonZhCN(p.reason)}），已用 ST_MakeValid 修复，修复后面积 ${land(p.repairedAreaSqm)}`,
  overlapsParcel: (p) => `与本文件中的宗地 ${p.otherCode} 重叠 ${formatAreaSqm(p.overlapSqm)}`,
  overlapsStoredParcel: (p) => `与已入库的宗地 ${p.otherCode} 重叠 ${formatAreaSqm(p.overlapSqm)}`,
  outsidePark: (p) => `有 ${formatAreaSqm(p.outsideSqm)}（占本宗地的 ${formatPercent(p.outsideShare)}）位于所属园区 ${p.parkCode} 的边界之外`,
  declaredAreaMismatch: (p) =>
    `申报面积 ${land(p.declaredSqm)}，图形量得 ${land(p.measuredSqm)}，相差 ${signedPercent(p.differenceShare)}：请检查面积列的单位（m²、亩、公顷）和坐标系`,
  geometryMissing: () => '缺少图形：需要面（Polygon 或 MultiPolygon）',
  geometryNotPolygon: (p) => `图形是 ${p.geometryType}，需要面（Polygon 或 MultiPolygon）`,
  geometryEmpty: () => '图形是空的',
  polygonWithoutRings: (p) => `第 ${p.polygon} 个面没有环`,
  ringNotPositions: (p) => `${ringAt(p)}不是坐标点的数组`,
  ringTooShort: (p) => `${ringAt(p)}只有 ${p.positions} 个点；一个环至少要 4 个点（最后一点重复第一点）`,
  positionNotNumbers: (p) => `${ringAt(p)}中有一个点不是一对数字：${p.position}`,
  ringNotClosed: (p) => `${ringAt(p)}没有闭合：最后一点必须与第一点相同`,
  coordinatesSwapped: (p) => `坐标 (${p.x}, ${p.y}) 不在中国境内，但把两个数对调后就在：经纬度写反了，请经度在前、纬度在后`,
  coordinatesNotDegrees: (p) =>
    `坐标 (${p.x}, ${p.y}) 不是经纬度，看起来是以米为单位的投影坐标（如 CGCS2000 高斯-克吕格）：请指定坐标系，如 EPSG:4545（3° 带，中央经线 108°E，安康）或 EPSG:4524（3° 带第 36 带，X 坐标前带带号）`,
  coordinatesOutsideChina: (p) => `坐标 (${p.x}, ${p.y}) 按 ${p.crs} 换算为经纬度 ${p.lon.toFixed(5)}, ${p.lat.toFixed(5)}，不在中国境内：请检查坐标系`,
  required: () => '必填，不能为空',
  notText: (p) => `应为文字，实际是 ${p.valueType}`,
  textTooLong: (p) => `长 ${formatCount(p.lengthChars)} 个字符，最多 ${formatCount(p.maxChars)} 个`,
  codeHasWhiteSpace: (p) => `编号“${p.value}”中有空格`,
  nulCharacter: () => '含有空字符（U+0000），数据库无法保存：请删去后再导入',
  notOneOf: (p) => `“${p.value}”不是允许的值，可选：${allowedZhCN(p.field, p.allowed)}`,
  notNumber: (p) => `“${p.value}”不是数字`,
  notFiniteNumber: (p) => `“${p.value}”不是有限的数字`,
  notWholeNumber: (p) => `“${p.value}”不是整数`,
  notPositive: (p) => `${p.value} 必须大于 0`,
  negative: (p) => `${p.value} 不能为负数`,
  notDate: (p) => `“${p.value}”不是“年-月-日”格式的日期（如 2024-03-01）`,
  notCalendarDate: (p) => `“${p.value}”不是真实存在的日期`,
  notBoolean: (p) => `“${p.value}”不是 是/否（也可写 1/0、true/false）`,
  formulaInjection: (p) => `“${p.value}”看起来是电子表格公式，已拒绝（防止公式注入）：请填写数值或文字本身`,
  damagedText: (p) => `“${p.value}”含有损坏的字符（� 或 锟斤拷）：GBK 编码的文字曾被当作 UTF-8 读取后又保存了，请从原始文件重新导出`,
  duplicate: (p) => `与${p.firstRow !== undefined ? `第 ${p.firstRow} 行` : `第 ${p.firstFeature} 个要素`}重复：${p.key} 只能出现一次`,
  usccMalformed: (p) => `“${p.value}”不是统一社会信用代码：应为 18 位，由数字 0–9 和除 I、O、S、V、Z 以外的大写字母组成`,
  usccCheckCharacter: (p) => `校验位是 ${p.given}，按 GB 32100-2015 应为 ${p.expected}；已按原样保留，请核对`,
  vacantUnitWithTenant: () => '空置的单元不能有承租企业：请把状态改为已出租，或清空承租企业',
  leaseEndsBeforeStart: (p) => `租期结束日 ${p.endOn} 早于开始日 ${p.startOn}`,
  unknownReference: (p) => `找不到${LAYERS[p.layer]}“${p.value}”：数据包和数据库中都没有`,
  requiredNotMapped: (p) => `是必填字段，但没有对应的列（文件中的列：${list(p.columns)}）：请在“字段对应”中为它选一列`,
  mappedColumnMissing: (p) => `对应的列“${p.column}”在文件中不存在（文件中的列：${list(p.columns)}）`,
  wrongLayer: (p) => `这些列看起来是${LAYERS[p.guessedLayer]}数据，而不是${LAYERS[p.layer]}：是不是选错了数据图层？`,
  noRows: () => '文件中没有任何行或要素',
  noGeometry: (p) => `没有图形：${LAYERS[p.layer]}需要面图形（Shapefile、GeoPackage、KML 或 GeoJSON）`,
  geometryIgnored: (p) => `${LAYERS[p.layer]}在 MuYield 中没有图形，文件中的图形不会导入`,
  rowTooLong: (p) => `这一行长 ${formatCount(p.lengthChars)} 个字符，每行最多 ${formatCount(p.maxChars)} 个，已跳过`,
  zipUnreadable: (p) => `不是可读的 zip 文件（${p.reason}）：文件可能已损坏或没有传完整，请重新打包`,
  shapefilePartMissing: (p) =>
    `缺少 ${p.base}${p.part}：Shapefile 需要 ${p.base}.shp、${p.base}.shx 和 ${p.base}.dbf（以及说明坐标系的 .prj），请把它们一起打包成 zip`,
  shapefileWithoutShp: (p) => `包含 ${list(p.files)}，但没有 .shp：缺少存放图形的文件`,
  severalSourceLayers: (p) => `文件中有 ${p.count} 个${SOURCE_LAYER_WORDS[p.what] ?? p.what}（${list(p.layers)}），尚未读取：请选择要导入的一个`,
  sourceLayerNotFound: (p) => `没有名为“${p.chosen}”的${SOURCE_LAYER_WORDS[p.what] ?? p.what}；文件中有：${list(p.layers)}`,
  fileUnreadable: (p) => `无法读取：${p.reason}`,
  zipTooLarge: (p) => `解压后将有 ${formatBytes(p.unpackedBytes)}，最多接受 ${formatBytes(p.maxBytes)}（疑似 zip 炸弹）`,
  zipTooManyEntries: (p) => `压缩包里有 ${formatCount(p.entries)} 个文件，最多接受 ${formatCount(p.maxEntries)} 个`,
  zipEntryOutside: (p) => `压缩包中的“${p.entry}”指向压缩包之外（路径穿越），已拒绝`,
  zipEntryTooLarge: (p) => `压缩包中的“${p.entry}”解压后超过文件头声明的 ${formatBytes(p.declaredBytes)}（疑似 zip 炸弹），已拒绝`,
  zipEntryUnreadable: (p) => `压缩包中的“${p.entry}”无法解压（${p.reason}）：压缩包可能已损坏或没有传完整，请重新打包`,
  zipEntryDamaged: (p) =>
    `压缩包中的“${p.entry}”解压后有 ${formatCount(p.unpackedBytes)} 字节，而文件头声明 ${formatCount(p.declaredBytes)} 字节：压缩包已损坏，请重新打包`,
  notShapefile: (p) =>
    `不是 Shapefile 的${p.part === '.shx' ? '索引文件（.shx）' : '图形文件（.shp）'}：文件头不是以 9994 开头，文件可能已损坏或只是改了扩展名，请从 GIS 软件重新导出`,
  shapefilePartsDisagree: (p) =>
    `${p.part === '.shx' ? `索引了 ${formatCount(p.count)} 个图形` : `有 ${formatCount(p.count)} 条记录`}，而 .shp 中有 ${formatCount(p.shapes)} 个图形：这些文件不是同一套 Shapefile，请从同一次导出中一起打包`,
  fileCutShort: (p) => `文件头说有 ${formatCount(p.declaredBytes)} 字节，实际只有 ${formatCount(p.actualBytes)} 字节：文件不完整或已损坏`,
  jsonInvalid: (p) => `不是有效的 JSON${p.afterFeature !== undefined ? `（第 ${p.afterFeature} 个要素之后）` : ''}：${p.reason}。文件可能没有传完整或已损坏`,
  notGeoJson: () => '不是 GeoJSON 的 FeatureCollection 或 Feature',
  dbfTooShort: (p) => `只有 ${formatCount(p.actualBytes)} 字节，不够 .dbf 的文件头（32 字节）：文件不完整或已损坏，请从 GIS 软件重新导出`,
  dbfHeaderDamaged: (p) => `文件头长度记为 ${formatCount(p.headerBytes)} 字节，与文件大小（${formatCount(p.actualBytes)} 字节）不符：.dbf 已损坏，请从 GIS 软件重新导出`,
  dbfCutShort: (p) =>
    `文件头说有 ${formatCount(p.records)} 条记录、每条 ${formatCount(p.recordBytes)} 字节，但文件只有 ${formatCount(p.actualBytes)} 字节：文件不完整，请重新导出后再打包`,
  dbfFieldsDisagree: (p) => `各字段的长度加起来每条记录 ${formatCount(p.fieldsBytes)} 字节，而文件头说是 ${formatCount(p.recordBytes)} 字节：.dbf 已损坏，请从 GIS 软件重新导出`,
  geoPackageUnreadable: (p) => `不是可读的 GeoPackage 文件（${p.reason}）：文件可能已损坏或没有传完整，请从 GIS 软件重新导出`,
  noFeatureTable: () => 'GeoPackage 中没有要素表（带图形的表）：请导出带图形的图层；没有图形的表格请存为 CSV 或 XLSX 再导入',
  kmlNotWellFormed: (p) => `不是格式正确的 KML（${p.reason}）：文件可能已损坏或没有传完整，请重新导出`,
  notKml: (p) => `是 XML 文件，但不是 KML（根元素是 <${p.rootElement}>，应为 <kml>）：请确认导出的格式是 KML`,
  fileEmpty: () => '是空文件（0 字节）：可能没有导出成功或没有传完整，请重新导出后再上传',
  shapefilePartAlone: (p) => `只是 Shapefile 的一部分（${p.part}）：请把同名的 .shp、.shx、.dbf、.prj（以及 .cpg）一起打包成 zip，再导入这个 zip`,
  zipWithoutData: (p) =>
    `压缩包里有 ${formatCount(p.entries)} 个文件（${list(p.names)}${p.entries > p.names.length ? ' 等' : ''}），但没有可导入的数据：需要 Shapefile、KML、GeoJSON、GeoPackage 或 CSV 文件`,
  oldExcelWorkbook: () => '是旧版 Excel 工作簿（.xls），无法直接读取：请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后再导入',
  notGeoPackage: () => '扩展名是 .gpkg，但不是 GeoPackage 文件（没有 SQLite 文件头）：文件可能已损坏，请从 GIS 软件重新导出',
  notZip: (p) =>
    `扩展名是 ${p.ext}，但内容不是 zip 格式，无法读取：${p.ext === '.xlsx'
      ? '可能是改了扩展名的旧版 .xls，或文件已损坏，请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传'
      : '文件可能已损坏或没有传完整，请重新导出或打包后再上传'}`,
  formatUnknown: () => '是无法识别格式的二进制文件：可以导入 GeoJSON、Shapefile（打包成 zip）、KML/KMZ、GeoPackage、CSV 或 XLSX',
  fileNotOpened: (p) => `无法打开文件（${p.code}）：请重新上传；如果仍然不行，请联系系统管理员`,
  xlsxUnreadable: (p) => `不是可读的 .xlsx 工作簿（${p.reason}）：请在 Excel 或 WPS 中打开后重新“另存为” .xlsx 或 CSV`,
  noWorksheet: () => '工作簿里没有工作表：请把数据放在第一个工作表中',
  csvQuoteUnterminated: () => '引号没有闭合：某个值以英文双引号 " 开头却没有结束的引号，后面的内容都被读成了这个值。请检查这一行的引号',
  csvQuoteMalformed: () => '引号格式有误：带引号的值在结束引号后还有其他字符。值里的英文双引号要写成两个（""）',
  csvTooManyFields: (p) => `有 ${formatCount(p.parsed)} 个值，而表头只有 ${formatCount(p.expected)} 列，多出的值没有列名：可能是某个值里有英文逗号却没有加引号`,
  crsDetected: (p) => `文件没有说明坐标系，按坐标数值判断为 ${p.label}（${p.crs}）：请确认位置是否正确`,
  crsWithoutDatumTransformation: (p) =>
    `${p.crs}（${p.label}）换算时没有当地的七参数转换：位置可能偏差约 100 m 以内；如需精确，请向自然资源部门索取 CGCS2000 坐标的数据`,
  crsUnknown: (p) => `无法识别或不支持的坐标系“${p.crs}”`,
  statedCrsUnusable: (p) =>
    `${p.from} 中的坐标系无法使用（${p.reason}）${p.likelyCrs ? `；坐标数值看起来是 ${p.likelyLabel ?? p.likelyCrs}：请选择 ${p.likelyCrs} 后重新检查` : ''}`,
  databaseRefused: (p) => `数据库拒绝了这次导入，没有写入任何数据：${p.reason}`,
  moreProblems: (p) => `……还有 ${formatCount(p.count)} 个问题没有列出`,
};
