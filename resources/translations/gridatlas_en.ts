<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DivisionPanel</name>
    <message>
        <source>每个户数</source>
        <translation>Households each</translation>
    </message>
    <message>
        <source>划分个数</source>
        <translation>Number of units</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>any</translation>
    </message>
    <message>
        <source>道路、河流、铁路等矢量参考图层：新单元尽量不跨越</source>
        <translation>A vector reference layer of roads, rivers, railways: the new units keep off crossing them</translation>
    </message>
    <message>
        <source>同一编号总是得到同一方案</source>
        <translation>The same number always gives the same proposal</translation>
    </message>
    <message>
        <source>障碍图层</source>
        <translation>Barriers</translation>
    </message>
    <message>
        <source>方案编号</source>
        <translation>Proposal number</translation>
    </message>
    <message>
        <source>生成方案</source>
        <translation>Propose</translation>
    </message>
    <message>
        <source>按当前设置生成划分方案，锁定的单元保持不变（Ctrl+Enter）</source>
        <translation>Propose a division with these settings; locked units stay as they are (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>换一个方案</source>
        <translation>Another proposal</translation>
    </message>
    <message>
        <source>应用方案</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>按方案重新划分，作为一步编辑，可撤销</source>
        <translation>Divide as proposed, as one edit that can be undone</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>范围内</source>
        <translation>In band</translation>
    </message>
    <message>
        <source>紧凑度</source>
        <translation>Compactness</translation>
    </message>
    <message>
        <source>跨越障碍</source>
        <translation>Barrier crossings</translation>
    </message>
    <message>
        <source>下级单元</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>%1 位于最低层级，无可划分的下级</source>
        <translation>%1 is at the lowest level: there is nothing below it to divide</translation>
    </message>
    <message>
        <source>在地图或层级树中选择一个单元（如社区），为其重新划分下级</source>
        <translation>Choose a unit (a community, say) on the map or in the tree to divide its children anew</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;：按户数划分为%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: households split by count into %2 units</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;：把%2组合为新的%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 units grouped into new %3 units</translation>
    </message>
    <message>
        <source>项目已修改，方案已清除；可重新生成</source>
        <translation>The project changed: the proposal is discarded; propose again</translation>
    </message>
    <message>
        <source>请给出每个单元的户数范围，或改为按个数划分</source>
        <translation>Give the households band of a unit, or divide by number of units</translation>
    </message>
    <message>
        <source>%1
%2 户</source>
        <translation>%1
%2 hh</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>（按户数）</source>
        <translation>(by count)</translation>
    </message>
    <message>
        <source>%1 个%2，%3 个在 %4 户之内；平均紧凑度 %5；跨越障碍 %6 处</source>
        <translation>%1 new %2 units, %3 within %4 households; mean compactness %5; %6 barrier crossings</translation>
    </message>
    <message>
        <source>涂改</source>
        <translation>Paint</translation>
    </message>
    <message>
        <source>在表中选中一个新单元，再在地图上涂抹下级单元，把它们划入该单元</source>
        <translation>Choose a new unit in the table, then brush children on the map to give them to it</translation>
    </message>
    <message>
        <source>先在表中选中要划入的新单元</source>
        <translation>First choose in the table the new unit to paint into</translation>
    </message>
</context>
<context>
    <name>EditingTools</name>
    <message>
        <source>未执行</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>新%1</source>
        <translation>New %1</translation>
    </message>
    <message>
        <source>重绘边界</source>
        <translation>Reshape</translation>
    </message>
    <message>
        <source>先选中一个单元</source>
        <translation>Select a unit first</translation>
    </message>
    <message>
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>先选中要拆分的单元</source>
        <translation>Select the unit to split first</translation>
    </message>
    <message>
        <source>划入上级</source>
        <translation>Paint into parent</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>先选中两个以上同级单元（Ctrl+点击）</source>
        <translation>Select two or more siblings first (Ctrl+click)</translation>
    </message>
    <message>
        <source>移至上级</source>
        <translation>Move to parent</translation>
    </message>
    <message>
        <source>先选中一个有上级的单元</source>
        <translation>Select a unit that has a parent first</translation>
    </message>
    <message>
        <source>把 %1 %2 移到：</source>
        <translation>Move %1 %2 to:</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除 %1 %2 及其下级 %3 个单元？可以撤销。</source>
        <translation>Delete %1 %2 and the %3 units below it? This can be undone.</translation>
    </message>
    <message>
        <source>先在层级树中选中一个%1，再点击或拖过要划入它的%2</source>
        <translation>First select a %1 in the hierarchy, then click or brush over each %2 to give it</translation>
    </message>
    <message>
        <source>划入 %1：%2 个%3，%4 户，%5 人（松开鼠标完成，Esc 放弃）</source>
        <translation>Into %1: %2 × %3, %4 households, %5 residents (release to finish, Esc to abandon)</translation>
    </message>
    <message>
        <source>未执行：边界自相交，交点已标出</source>
        <translation>Not done: the boundary crosses itself; the crossing is marked</translation>
    </message>
    <message>
        <source>绘制</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>移动节点</source>
        <translation>Move corner</translation>
    </message>
    <message>
        <source>删除节点</source>
        <translation>Remove corner</translation>
    </message>
    <message>
        <source>单击放下第一个节点</source>
        <translation>Click to place the first corner</translation>
    </message>
    <message>
        <source>单击放下下一个节点（已有 %1 个），Esc 取消</source>
        <translation>Click to place the next corner (%1 so far); Esc cancels</translation>
    </message>
    <message>
        <source>单击添加节点，右键或回车完成</source>
        <translation>Click to add corners; right-click or Enter finishes</translation>
    </message>
    <message>
        <source>平移：拖动地图，滚轮缩放</source>
        <translation>Pan: drag the map, wheel to zoom</translation>
    </message>
    <message>
        <source>选择：单击选中单元，Ctrl+单击多选；双击层级树中的单元缩放到它</source>
        <translation>Select: click a unit, Ctrl+click for more; double-click one in the tree to zoom to it</translation>
    </message>
    <message>
        <source>绘制%1：</source>
        <translation>Draw a %1: </translation>
    </message>
    <message>
        <source>重绘 %1：</source>
        <translation>Reshape %1: </translation>
    </message>
    <message>
        <source>重绘边界：先选中一个单元</source>
        <translation>Reshape: select a unit first</translation>
    </message>
    <message>
        <source>拆分 %1：画一条从边到边穿过它的线；</source>
        <translation>Split %1: draw a line across it from edge to edge; </translation>
    </message>
    <message>
        <source>拆分：先选中要拆分的单元</source>
        <translation>Split: select the unit to split first</translation>
    </message>
    <message>
        <source>节点：拖动节点移动它，共用它的单元一同移动；从边上拖出新节点；单击节点后按 Delete 删除</source>
        <translation>Corners: drag one to move it (the units sharing it move too); drag from an edge for a new one; click one and press Delete to remove it</translation>
    </message>
    <message>
        <source>节点：先选中一个单元</source>
        <translation>Corners: select a unit first</translation>
    </message>
    <message>
        <source>划入上级：在层级树中选中一个%1，再点击或拖过要划入它的%2</source>
        <translation>Paint: select a %1 in the tree, then click or drag over the %2 to give it</translation>
    </message>
    <message>
        <source>已从人员名册删除</source>
        <translation>Removed from the roster</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>一个层级的边界（给其他 GIS 软件）</source>
        <translation>A level&apos;s boundaries (for other GIS programs)</translation>
    </message>
    <message>
        <source>人员名册（谁在哪里担任什么职务）</source>
        <translation>The roster (who holds which role where)</translation>
    </message>
    <message>
        <source>包含个人信息</source>
        <translation>Include personal data</translation>
    </message>
    <message>
        <source>名册中的姓名和电话、单元备注属于个人信息，默认不导出</source>
        <translation>Names and phones in the roster and the units&apos; notes are personal data and are left out unless ticked</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Within</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Excel 表格 (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>CSV，UTF-8（Excel 可直接打开）</source>
        <translation>CSV, UTF-8 (opens in Excel as it is)</translation>
    </message>
    <message>
        <source>CSV，GBK（旧软件）</source>
        <translation>CSV, GBK (older programs)</translation>
    </message>
    <message>
        <source>GeoJSON（WGS 84）</source>
        <translation>GeoJSON (WGS 84)</translation>
    </message>
    <message>
        <source>Shapefile</source>
        <translation>Shapefile</translation>
    </message>
    <message>
        <source>KML（WGS 84，奥维、Google 地球）</source>
        <translation>KML (WGS 84, Ovital, Google Earth)</translation>
    </message>
    <message>
        <source>DXF（CAD）</source>
        <translation>DXF (CAD)</translation>
    </message>
    <message>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <source>人员名册</source>
        <translation>roster</translation>
    </message>
    <message>
        <source>请选择保存位置</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HierarchyTreeModel</name>
    <message>
        <source>%1 %2
编码 %3
%4 户，%5 人</source>
        <translation>%1 %2
Code %3
%4 households, %5 residents</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Residents</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>一个层级的边界（Shapefile、GeoJSON、KML、DXF、GeoPackage）</source>
        <translation>A level&apos;s boundaries (Shapefile, GeoJSON, KML, DXF, GeoPackage)</translation>
    </message>
    <message>
        <source>人员名册（CSV、XLSX）</source>
        <translation>The roster (CSV, XLSX)</translation>
    </message>
    <message>
        <source>户数（按单元编码的表格，或楼栋点位）</source>
        <translation>Households (a table by unit code, or building points)</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>修复无效的几何图形（自相交等），并逐一列出</source>
        <translation>Repair invalid geometries (self-intersections …) and list each repair</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>上级编码</source>
        <translation>Parent code</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>字段对应（按字段名猜测，可修改）</source>
        <translation>Fields (guessed from their names; change them as needed)</translation>
    </message>
    <message>
        <source>选择文件后，这里列出读到的内容和将要做的事</source>
        <translation>Once a file is chosen, what was read and what would be done show here</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>表格 (*.csv *.xlsx *.ods *.txt)</source>
        <translation>Tables (*.csv *.xlsx *.ods *.txt)</translation>
    </message>
    <message>
        <source>GIS 文件或表格 (*.shp *.geojson *.json *.kml *.dxf *.gpkg *.csv *.xlsx);;所有文件 (*)</source>
        <translation>GIS files or tables (*.shp *.geojson *.json *.kml *.dxf *.gpkg *.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>无法读取：%1</source>
        <translation>Cannot read: %1</translation>
    </message>
    <message>
        <source>读到 %1 个要素，文字按 %2 读取</source>
        <translation>Read %1 features, text as %2</translation>
    </message>
    <message>
        <source>读到 %1 行，文字按 %2 读取</source>
        <translation>Read %1 rows, text as %2</translation>
    </message>
    <message>
        <source>图层 %1（%2），坐标从 %3 转换到 EPSG:%4</source>
        <translation>Layer %1 (%2), coordinates from %3 to EPSG:%4</translation>
    </message>
    <message>
        <source>项目坐标系（文件未注明）</source>
        <translation>the project&apos;s CRS (the file names none)</translation>
    </message>
    <message>
        <source>列：%1</source>
        <translation>Columns: %1</translation>
    </message>
    <message>
        <source>有 %1 处无法导入，因此什么都不会导入：</source>
        <translation>%1 row(s) cannot be imported, so nothing will be:</translation>
    </message>
    <message>
        <source>请注意：</source>
        <translation>Worth knowing:</translation>
    </message>
    <message>
        <source>项目中已经有这些内容，无需导入</source>
        <translation>The project already has all of it: nothing to import</translation>
    </message>
    <message>
        <source>将要：%1</source>
        <translation>Would do: %1</translation>
    </message>
    <message>
        <source>没有导入：%1</source>
        <translation>Nothing imported: %1</translation>
    </message>
    <message>
        <source>图层</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>正在读取 %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>已取消读取</source>
        <translation>Reading was cancelled</translation>
    </message>
    <message>
        <source>正在检查要导入的内容…</source>
        <translation>Checking what would be imported…</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>编码相同的多个要素合并为一个单元（多部分）</source>
        <translation>Make features sharing a code one unit (in parts)</translation>
    </message>
    <message>
        <source>外部编码</source>
        <translation>External code</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>参考图层</source>
        <translation>Reference layer</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>勾选显示；上面的图层压在下面的图层之上，全部在网格单元之下</source>
        <translation>Tick to show; a layer is drawn over those below it, and all under the units</translation>
    </message>
    <message>
        <source>不透明度</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>影像（GeoTIFF 等）、MBTiles、道路、河流、建筑等矢量（Shapefile、GeoJSON、KML、DXF、GeoPackage）</source>
        <translation>Imagery (GeoTIFF …), MBTiles, roads, rivers, buildings and other vectors (Shapefile, GeoJSON, KML, DXF, GeoPackage)</translation>
    </message>
    <message>
        <source>添加瓦片服务…</source>
        <translation>Add tile service…</translation>
    </message>
    <message>
        <source>天地图，或 {z}/{x}/{y} 形式的瓦片地址</source>
        <translation>Tianditu, or a tile URL with {z}/{x}/{y}</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>重新链接…</source>
        <translation>Relink…</translation>
    </message>
    <message>
        <source>文件移动后，指出它的新位置</source>
        <translation>Point to the file&apos;s new place after it moved</translation>
    </message>
    <message>
        <source>无法显示</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <source>参考图层未改变</source>
        <translation>Reference layers unchanged</translation>
    </message>
    <message>
        <source>坐标系</source>
        <translation>Coordinate reference system</translation>
    </message>
    <message>
        <source>%1 没有说明坐标系。它用的是哪个？（如 EPSG:4490 为经纬度，EPSG:4547 为 114°E 高斯-克吕格）</source>
        <translation>%1 names no coordinate reference system. Which is it in? (EPSG:4490 for longitude and latitude, EPSG:4547 for Gauss-Krüger 114°E)</translation>
    </message>
    <message>
        <source>建立金字塔</source>
        <translation>Build overviews</translation>
    </message>
    <message>
        <source>%1 有 %2 × %3 像素，没有金字塔（概视图），缩小时会很慢。现在建立吗？（在它旁边生成 .ovr 文件，原文件不变）</source>
        <translation>%1 has %2 × %3 pixels and no overviews: it draws slowly zoomed out. Build them now? (An .ovr file beside it; the file itself stays as it is)</translation>
    </message>
    <message>
        <source>正在建立金字塔…</source>
        <translation>Building overviews…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法添加参考图层</source>
        <translation>Cannot add the reference layer</translation>
    </message>
    <message>
        <source>无法添加瓦片服务</source>
        <translation>Cannot add the tile service</translation>
    </message>
    <message>
        <source>无法重新链接</source>
        <translation>Cannot relink</translation>
    </message>
    <message>
        <source>%1 不是%2</source>
        <translation>%1 is not a %2 layer</translation>
    </message>
    <message>
        <source>添加参考图层</source>
        <translation>Add reference layers</translation>
    </message>
    <message>
        <source>地图文件 (*.tif *.tiff *.img *.jp2 *.ecw *.png *.jpg *.mbtiles *.gpkg *.shp *.geojson *.json *.kml *.dxf);;所有文件 (*)</source>
        <translation>Map files (*.tif *.tiff *.img *.jp2 *.ecw *.png *.jpg *.mbtiles *.gpkg *.shp *.geojson *.json *.kml *.dxf);;All files (*)</translation>
    </message>
    <message>
        <source>天地图矢量 (tianditu:vec)</source>
        <translation>Tianditu vector (tianditu:vec)</translation>
    </message>
    <message>
        <source>天地图矢量注记 (tianditu:cva)</source>
        <translation>Tianditu vector annotation (tianditu:cva)</translation>
    </message>
    <message>
        <source>天地图影像 (tianditu:img)</source>
        <translation>Tianditu imagery (tianditu:img)</translation>
    </message>
    <message>
        <source>天地图影像注记 (tianditu:cia)</source>
        <translation>Tianditu imagery annotation (tianditu:cia)</translation>
    </message>
    <message>
        <source>添加瓦片服务</source>
        <translation>Add tile service</translation>
    </message>
    <message>
        <source>选择天地图图层，或输入 {z}/{x}/{y} 形式的瓦片地址：</source>
        <translation>Choose a Tianditu layer, or type a tile URL with {z}/{x}/{y}:</translation>
    </message>
    <message>
        <source>重新链接 %1</source>
        <translation>Relink %1</translation>
    </message>
    <message>
        <source>吸附</source>
        <translation>Snap</translation>
    </message>
    <message>
        <source>绘制时吸附到这一矢量图层的节点、边线和交点（8 像素内）</source>
        <translation>While drawing, snap to this vector layer&apos;s vertices, edges and crossings (within 8 pixels)</translation>
    </message>
    <message>
        <source>矢量图层复制进项目文件</source>
        <translation>Copy vector layers into the project file</translation>
    </message>
    <message>
        <source>道路、建筑等矢量图层存入项目文件本身，一个文件就是整个项目，原文件可以不再保留</source>
        <translation>Roads, buildings and other vector layers are kept in the project file itself: one file is the whole project, and the source need not be kept</translation>
    </message>
    <message>
        <source>参考图层的副本未能删除</source>
        <translation>The reference layer&apos;s copy was not removed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GridAtlas 网格图</source>
        <translation>GridAtlas</translation>
    </message>
    <message>
        <source>坐标 %1, %2</source>
        <translation>X %1, Y %2</translation>
    </message>
    <message>
        <source>按名称或编码查找…</source>
        <translation>Find by name or code…</translation>
    </message>
    <message>
        <source>层级树</source>
        <translation>Hierarchy</translation>
    </message>
    <message>
        <source>属性</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>问题：未发现问题</source>
        <translation>Problems: none found</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>打开项目…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <source>打开 GridAtlas 项目</source>
        <translation>Open a GridAtlas project</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>退出 GridAtlas</source>
        <translation>Quit GridAtlas</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>撤销上一步编辑</source>
        <translation>Undo the last edit</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>重做撤销的编辑</source>
        <translation>Redo the undone edit</translation>
    </message>
    <message>
        <source>无法撤销</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <source>无法重做</source>
        <translation>Cannot redo</translation>
    </message>
    <message>
        <source>平移</source>
        <translation>Pan</translation>
    </message>
    <message>
        <source>拖动平移地图，滚轮缩放</source>
        <translation>Drag to pan, scroll to zoom</translation>
    </message>
    <message>
        <source>选择</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>点击选择当前层级的单元，Ctrl+点击多选</source>
        <translation>Click to select a unit of the editing level; Ctrl+click to add</translation>
    </message>
    <message>
        <source>绘制单元</source>
        <translation>Draw unit</translation>
    </message>
    <message>
        <source>绘制新单元：单击加点，右键或回车完成；自动裁剪到上级并避开相邻单元</source>
        <translation>Draw a new unit: click to add points, right-click or Enter to finish; it is clipped to its parent and kept off its neighbours</translation>
    </message>
    <message>
        <source>重绘边界</source>
        <translation>Reshape</translation>
    </message>
    <message>
        <source>为选中单元绘制新边界；共用边界随之移动</source>
        <translation>Draw a new boundary for the selected unit; shared edges move with it</translation>
    </message>
    <message>
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>沿绘制的线拆分选中单元；下级单元、人员、户数随之分配</source>
        <translation>Split the selected unit along a drawn line; children, people and counts follow</translation>
    </message>
    <message>
        <source>划入上级</source>
        <translation>Paint into parent</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>合并选中的同级单元</source>
        <translation>Merge the selected siblings</translation>
    </message>
    <message>
        <source>移至上级…</source>
        <translation>Move to parent…</translation>
    </message>
    <message>
        <source>把选中单元连同下级移到另一个上级</source>
        <translation>Move the selected unit, with everything below it, to another parent</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中单元及其下级</source>
        <translation>Delete the selected unit and everything below it</translation>
    </message>
    <message>
        <source>全图</source>
        <translation>Full extent</translation>
    </message>
    <message>
        <source>缩放到整个项目</source>
        <translation>Zoom to the whole project</translation>
    </message>
    <message>
        <source>编辑层级：工具作用于该层级的单元</source>
        <translation>Editing level: the tools work on units of this level</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>最近的项目</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>显示层级</source>
        <translation>Show levels</translation>
    </message>
    <message>
        <source>工具</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>无法打开项目</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <source>%1 — GridAtlas 网格图</source>
        <translation>%1 — GridAtlas</translation>
    </message>
    <message>
        <source>只读打开</source>
        <translation>Opened for viewing only</translation>
    </message>
    <message>
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>GridAtlas 项目 (*.gpkg)</source>
        <translation>GridAtlas projects (*.gpkg)</translation>
    </message>
    <message>
        <source>撤销 %1</source>
        <translation>Undo %1</translation>
    </message>
    <message>
        <source>重做 %1</source>
        <translation>Redo %1</translation>
    </message>
    <message>
        <source>比例尺 1:%1</source>
        <translation>Scale 1:%1</translation>
    </message>
    <message>
        <source>未选择</source>
        <translation>Nothing selected</translation>
    </message>
    <message>
        <source>请打开项目（Ctrl+O）或把 .gpkg 文件拖到窗口上</source>
        <translation>Open a project (Ctrl+O) or drop a .gpkg file on the window</translation>
    </message>
    <message>
        <source>已选 %1 %2：%3 户，%4 人</source>
        <translation>Selected %1 %2: %3 households, %4 residents</translation>
    </message>
    <message>
        <source>已选 %1 个单元：%2 户，%3 人</source>
        <translation>%1 units selected: %2 households, %3 residents</translation>
    </message>
    <message>
        <source>问题：检查中…</source>
        <translation>Problems: checking…</translation>
    </message>
    <message>
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>按层级模板新建空项目</source>
        <translation>Create an empty project from a hierarchy template</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>把项目（含编辑历史）复制为新文件并打开它</source>
        <translation>Copy the project, with its history, to a new file and open it</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>无法另存</source>
        <translation>Cannot save as</translation>
    </message>
    <message>
        <source>正在读取 %1</source>
        <translation>Reading %1</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>编辑节点</source>
        <translation>Edit vertices</translation>
    </message>
    <message>
        <source>拖动选中单元的节点移动它，从边上拖出新节点，点击节点后按 Delete 删除；相邻单元随之改变</source>
        <translation>Drag a vertex of the selected unit to move it, drag from an edge to add one, click a vertex and press Delete to remove it; the neighbours follow</translation>
    </message>
    <message>
        <source>先选中一个上级单元，再点击或拖过要划入它的单元（一笔为一步，可撤销）</source>
        <translation>Select a parent first, then click or brush over the units to give it (one stroke is one step, undoable)</translation>
    </message>
    <message>
        <source>打印责任图…</source>
        <translation>Print responsibility maps…</translation>
    </message>
    <message>
        <source>把单元的责任图打印为 PDF：每个单元一页</source>
        <translation>Print the units&apos; responsibility maps to PDF, a page per unit</translation>
    </message>
    <message>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出一个层级的边界（给其他 GIS 软件）或人员名册</source>
        <translation>Export a level&apos;s boundaries (for other GIS programs) or the roster</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>导入边界…</source>
        <translation>Import boundaries…</translation>
    </message>
    <message>
        <source>从 Shapefile、GeoJSON、KML、DXF 或 GeoPackage 导入一个层级的边界</source>
        <translation>Import a level&apos;s boundaries from Shapefile, GeoJSON, KML, DXF or GeoPackage</translation>
    </message>
    <message>
        <source>导入人员名册…</source>
        <translation>Import the roster…</translation>
    </message>
    <message>
        <source>从 CSV 或 XLSX 导入人员及其职务</source>
        <translation>Import people and their roles from CSV or XLSX</translation>
    </message>
    <message>
        <source>导入户数…</source>
        <translation>Import households…</translation>
    </message>
    <message>
        <source>按单元编码的表格或楼栋点位导入户数和人口</source>
        <translation>Import household and resident counts from a table by unit code or from building points</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>报告已生成</source>
        <translation>Report written</translation>
    </message>
    <message>
        <source>覆盖情况报告…</source>
        <translation>Coverage report…</translation>
    </message>
    <message>
        <source>各层级的单元、户数、人员、缺口与空缺职务，供上报</source>
        <translation>Units, households, people, gaps and empty roles per level, for reporting upward</translation>
    </message>
    <message>
        <source>调整说明…</source>
        <translation>Change report…</translation>
    </message>
    <message>
        <source>这次调整改了什么：新增、拆分、合并、移交的单元，转移的户数与人员</source>
        <translation>What a redrawing changed: units added, split, merged, moved; households and people that changed unit</translation>
    </message>
    <message>
        <source>报告(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>未应用的修改</source>
        <translation>Unapplied changes</translation>
    </message>
    <message>
        <source>属性面板中对 %1 的修改尚未应用。</source>
        <translation>The changes to %1 in the properties panel are not applied yet.</translation>
    </message>
    <message>
        <source>应用这些修改吗？</source>
        <translation>Apply them?</translation>
    </message>
    <message>
        <source>未应用</source>
        <translation>Not applied</translation>
    </message>
    <message>
        <source>问题：差错 %1，未录入 %2</source>
        <translation>Problems: faults %1, not entered %2</translation>
    </message>
    <message>
        <source>未执行</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>参考图层无法显示（可在“图层”中重新链接）</source>
        <translation>Reference layers unavailable (relink them under Layers)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>追踪</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>绘制、重画、拆分时，先后点击同一道路（参考矢量图层）上的两点，线沿道路走</source>
        <translation>While drawing, redrawing or splitting, click two points on one road (a reference vector layer): the line follows the road between them</translation>
    </message>
    <message>
        <source>瓦片服务无法访问：%1（地图照常显示其余内容）</source>
        <translation>Tile service unreachable: %1 (the rest of the map is drawn as usual)</translation>
    </message>
    <message>
        <source>自动划格</source>
        <translation>Proposed division</translation>
    </message>
    <message>
        <source>自动划格…</source>
        <translation>Propose a division…</translation>
    </message>
    <message>
        <source>为选中单元提出均衡、连片的下级划分方案</source>
        <translation>Propose a balanced, contiguous division of the selected unit&apos;s children</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>如 金水区网格化管理</source>
        <translation>e.g. Jinshui district grids</translation>
    </message>
    <message>
        <source>以米为单位的投影坐标系；默认 CGCS2000 高斯-克吕格 3 度带 中央经线 114°E</source>
        <translation>A projected CRS in metres; by default CGCS2000 3-degree Gauss-Kruger CM 114°E</translation>
    </message>
    <message>
        <source>新项目.gpkg</source>
        <translation>new project.gpkg</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>层级模板</source>
        <translation>Hierarchy template</translation>
    </message>
    <message>
        <source>坐标系</source>
        <translation>CRS</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>新项目保存为</source>
        <translation>Save the new project as</translation>
    </message>
    <message>
        <source>GridAtlas 项目 (*.gpkg)</source>
        <translation>GridAtlas projects (*.gpkg)</translation>
    </message>
    <message>
        <source>请填写项目名称</source>
        <translation>Enter a project name</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>联系户数</source>
        <translation>Linked households</translation>
    </message>
    <message>
        <source>指派…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>从人员名册中指派一人担任本单元的角色</source>
        <translation>Assign someone from the roster to a role of this unit</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>取消所选人员在本单元的角色</source>
        <translation>Remove the selected person from their role in this unit</translation>
    </message>
    <message>
        <source>显示电话</source>
        <translation>Show phones</translation>
    </message>
    <message>
        <source>电话属于个人信息，默认只显示部分号码</source>
        <translation>Phone numbers are personal data and are masked unless shown</translation>
    </message>
    <message>
        <source>查找人员…</source>
        <translation>Find a person…</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>职务数</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>新增人员…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <source>人员名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>%1 %2 的人员</source>
        <translation>People of %1 %2</translation>
    </message>
    <message>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>缺少：%1</source>
        <translation>Missing: %1</translation>
    </message>
    <message>
        <source>选中一个单元以查看其人员</source>
        <translation>Select a unit to see its people</translation>
    </message>
    <message>
        <source>指派人员</source>
        <translation>Assign a person</translation>
    </message>
    <message>
        <source> 户</source>
        <translation> households</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>新增人员</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <source>在职</source>
        <translation>Employed</translation>
    </message>
    <message>
        <source>离退休</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>流动</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>%1 %2 人（最多 %3 人）</source>
        <translation>%1: %2 people (at most %3)</translation>
    </message>
    <message>
        <source>超员：%1</source>
        <translation>Over-filled: %1</translation>
    </message>
    <message>
        <source>%1（空缺）</source>
        <translation>%1 (vacant)</translation>
    </message>
    <message>
        <source>%1（已满，最多 %2 人）</source>
        <translation>%1 (full, at most %2)</translation>
    </message>
    <message>
        <source>从名册删除…</source>
        <translation>Remove from roster…</translation>
    </message>
    <message>
        <source>删除所选人员及其全部职务；姓名、电话和备注也从修改历史中抹去</source>
        <translation>Removes the selected person and all their roles; their name, phone and notes are also erased from the history</translation>
    </message>
    <message>
        <source>从人员名册删除</source>
        <translation>Remove from the roster</translation>
    </message>
    <message>
        <source>从人员名册删除“%1”？</source>
        <translation>Remove “%1” from the roster?</translation>
    </message>
    <message>
        <source>其担任的 %1 项职务一并取消。姓名、电话和备注也将从修改历史中抹去：撤销只能恢复为“%2”，不含这些信息。</source>
        <translation>Their %1 role(s) go with them. Their name, phone and notes are also erased from the history: undo can only bring back “%2”, without them.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>打印责任图</source>
        <translation>Print responsibility maps</translation>
    </message>
    <message>
        <source>8开</source>
        <translation>8K</translation>
    </message>
    <message>
        <source>按单元形状</source>
        <translation>By the unit&apos;s shape</translation>
    </message>
    <message>
        <source>纵向</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>横向</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>显示完整电话号码</source>
        <translation>Print whole phone numbers</translation>
    </message>
    <message>
        <source>电话属于个人信息，默认只印部分号码（138****5678）</source>
        <translation>Phone numbers are personal data: only part is printed (138****5678) unless chosen</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Within</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>第一页的预览</source>
        <translation>Preview of the first page</translation>
    </message>
    <message>
        <source>打印为 PDF</source>
        <translation>Print to PDF</translation>
    </message>
    <message>
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>没有要打印的单元</source>
        <translation>Nothing to print</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>请选择保存位置</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <source>正在打印 %1 页…</source>
        <translation>Printing %1 pages…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>上墙总图：列出下级单元及负责人</source>
        <translation>Wall map: list the units below and their leaders</translation>
    </message>
    <message>
        <source>社区或街道的总图（宜用 A1、A0 纸），表格列出下级单元、户数与负责人，代替人员名单</source>
        <translation>A whole community or street (on A1 or A0 paper): the table lists the units below, their households and leaders instead of the roster</translation>
    </message>
    <message>
        <source>责任图</source>
        <translation>responsibility-maps</translation>
    </message>
    <message>
        <source>勾选的参考图层印在单元之下（如建筑轮廓、道路，或淡化的影像）</source>
        <translation>The ticked reference layers are printed under the units (building footprints, roads, or faded imagery)</translation>
    </message>
    <message>
        <source>参考图层</source>
        <translation>Reference layers</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>双击定位到 %1, %2</source>
        <translation>Double-click to go to %1, %2</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>面积</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>%1（已接受：%2）</source>
        <translation>%1 (accepted: %2)</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>只看所选单元及其下级</source>
        <translation>Only the selected unit and below</translation>
    </message>
    <message>
        <source>只看未录入的数据</source>
        <translation>Only data not entered yet</translation>
    </message>
    <message>
        <source>户数、人数仍为 0，或单元尚无任何人员：这是尚未录入，不是差错</source>
        <translation>Counts still 0, or nobody at the unit yet: data not entered, not a fault</translation>
    </message>
    <message>
        <source>全部问题（%1）</source>
        <translation>All problems (%1)</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>全部层级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>只看未录入的数据（%1）</source>
        <translation>Only data not entered yet (%1)</translation>
    </message>
    <message>
        <source>显示已接受的</source>
        <translation>Show accepted</translation>
    </message>
    <message>
        <source>接受…</source>
        <translation>Accept…</translation>
    </message>
    <message>
        <source>接受所选问题的现状（如有意保留的飞地），写明原因；它不再计为问题</source>
        <translation>Accept the selected problem as it is (an exclave kept on purpose), saying why; it no longer counts</translation>
    </message>
    <message>
        <source>显示已接受的（%1）</source>
        <translation>Show accepted (%1)</translation>
    </message>
    <message>
        <source>取消接受</source>
        <translation>Withdraw acceptance</translation>
    </message>
    <message>
        <source>接受问题</source>
        <translation>Accept the problem</translation>
    </message>
    <message>
        <source>%1：%2
为什么接受现状？</source>
        <translation>%1: %2
Why is it accepted as it is?</translation>
    </message>
    <message>
        <source>本项目户数尚未录入</source>
        <translation>Counts not entered yet</translation>
    </message>
    <message>
        <source>随项目保存：户数、人数和联系户数的问题都算作尚未录入，不计为差错，检查也不因此失败</source>
        <translation>Kept with the project: findings about households, residents and linked households count as not entered yet, not as faults, and checks do not fail on them</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source> 户</source>
        <translation> households</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>覆盖情况报告：各层级单元、户数、人员、缺口与空缺职务</source>
        <translation>Coverage report: units, households, people, gaps and empty roles per level</translation>
    </message>
    <message>
        <source>调整说明：新增、拆分、合并、移交、边界调整，转移的户数与人员</source>
        <translation>Change report: units added, split, merged, moved, reshaped; who moved</translation>
    </message>
    <message>
        <source>所有层级</source>
        <translation>Every level</translation>
    </message>
    <message>
        <source>修改历史中这一步之后的调整</source>
        <translation>What changed after this step of the history</translation>
    </message>
    <message>
        <source>与另一个项目文件（调整前）比较</source>
        <translation>Against another project file (before)</translation>
    </message>
    <message>
        <source>调整前的 .gpkg 文件</source>
        <translation>The .gpkg file as it was before</translation>
    </message>
    <message>
        <source>调整前的项目</source>
        <translation>The project before</translation>
    </message>
    <message>
        <source>GridAtlas 项目 (*.gpkg)</source>
        <translation>GridAtlas projects (*.gpkg)</translation>
    </message>
    <message>
        <source>列出人员姓名</source>
        <translation>Name the people</translation>
    </message>
    <message>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Within</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>生成报告</source>
        <translation>Write report</translation>
    </message>
    <message>
        <source>PDF（A4 横向）</source>
        <translation>PDF (A4 landscape)</translation>
    </message>
    <message>
        <source>Excel 表格 (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>网页 (.html，含图表)</source>
        <translation>Web page (.html, with charts)</translation>
    </message>
    <message>
        <source>CSV，UTF-8</source>
        <translation>CSV, UTF-8</translation>
    </message>
    <message>
        <source>CSV，GBK</source>
        <translation>CSV, GBK</translation>
    </message>
    <message>
        <source>覆盖情况报告</source>
        <translation>coverage-report</translation>
    </message>
    <message>
        <source>调整说明</source>
        <translation>change-report</translation>
    </message>
    <message>
        <source>请选择保存位置</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <source>请选择调整前的项目文件</source>
        <translation>Choose the project file as it was before</translation>
    </message>
    <message>
        <source>修改历史是空的</source>
        <translation>The history is empty</translation>
    </message>
    <message>
        <source>已取消，没有写入文件</source>
        <translation>Cancelled: no file was written</translation>
    </message>
    <message>
        <source>正在检查并汇总…</source>
        <translation>Checking and adding up…</translation>
    </message>
    <message>
        <source>正在比较…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <source>汇总表（各层级按上级）</source>
        <translation>Summary (each level by parent)</translation>
    </message>
    <message>
        <source>单元清单（每个单元的户数、人员与问题）</source>
        <translation>Unit list (each unit&apos;s households, people and problems)</translation>
    </message>
    <message>
        <source>问题清单</source>
        <translation>Problem list</translation>
    </message>
    <message>
        <source>CSV 只能保存一张表；Excel、网页和 PDF 包含全部</source>
        <translation>A CSV holds one table; Excel, web page and PDF hold them all</translation>
    </message>
    <message>
        <source>姓名属于个人信息：默认调整说明只列人员编号，覆盖情况报告的单元清单只列人数</source>
        <translation>Names are personal data: by default the change report gives roster numbers, and the coverage report&apos;s unit lists only count people</translation>
    </message>
    <message>
        <source>CSV 内容</source>
        <translation>CSV table</translation>
    </message>
</context>
<context>
    <name>ScopeBox</name>
    <message>
        <source>整个辖区</source>
        <translation>The whole district</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>天地图密钥…</source>
        <translation>Tianditu key…</translation>
    </message>
    <message>
        <source>天地图图层用您自己的密钥（tk），只存在本机设置中，不写入项目</source>
        <translation>Tianditu layers use your own key (tk), kept in this computer&apos;s settings, never in the project</translation>
    </message>
    <message>
        <source>吸附容差…</source>
        <translation>Snapping tolerance…</translation>
    </message>
    <message>
        <source>光标离顶点或边多近（屏幕像素）时吸附到它</source>
        <translation>How near the cursor (in screen pixels) a vertex or an edge must be to snap to it</translation>
    </message>
    <message>
        <source>天地图密钥</source>
        <translation>Tianditu key</translation>
    </message>
    <message>
        <source>您在天地图网站申请的密钥（tk）：</source>
        <translation>The key (tk) you applied for on the Tianditu site:</translation>
    </message>
    <message>
        <source>吸附容差</source>
        <translation>Snapping tolerance</translation>
    </message>
    <message>
        <source>光标离顶点或边多少像素以内时吸附：</source>
        <translation>Snap to a vertex or an edge within this many pixels of the cursor:</translation>
    </message>
    <message>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <source>跟随系统</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>重新启动 GridAtlas 后生效</source>
        <translation>Takes effect when GridAtlas starts again</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UnitPropertiesPanel</name>
    <message>
        <source>如 第三网格党支部</source>
        <translation>e.g. Party branch of grid 3</translation>
    </message>
    <message>
        <source> 户</source>
        <translation> households</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> residents</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>保存修改（Ctrl+Return）；户数、人数的变化计入各级上级</source>
        <translation>Save the changes (Ctrl+Return); changes in counts are carried up to every parent</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>未选择单元</source>
        <translation>No unit selected</translation>
    </message>
    <message>
        <source>名称不能为空</source>
        <translation>A name is required</translation>
    </message>
    <message>
        <source>其他系统的编码，如统计用区划代码</source>
        <translation>The unit&apos;s code in another system, e.g. a statistical code</translation>
    </message>
    <message>
        <source>导入户数、名册或边界时也可按此编码匹配单元</source>
        <translation>Imports of households, rosters and boundaries can also match units on this code</translation>
    </message>
    <message>
        <source>外部编码</source>
        <translation>External code</translation>
    </message>
</context>
<context>
    <name>dialogparts</name>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在停止…</source>
        <translation>Stopping…</translation>
    </message>
</context>
</TS>
