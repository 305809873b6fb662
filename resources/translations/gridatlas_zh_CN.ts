<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>gridmodel</name>
    <message>
        <source>A history entry is damaged</source>
        <translation>一条编辑历史已损坏</translation>
    </message>
    <message>
        <source>A history entry cannot be read</source>
        <translation>无法读取一条编辑历史</translation>
    </message>
    <message>
        <source>code %1 is used %2 times</source>
        <translation>编码 %1 被使用了 %2 次</translation>
    </message>
    <message>
        <source>its parent %1 is not one level up</source>
        <translation>其上级 %1 不在上一层级</translation>
    </message>
    <message>
        <source>its parent (id %1) does not exist</source>
        <translation>其上级（id %1）不存在</translation>
    </message>
    <message>
        <source>%1 is its own ancestor</source>
        <translation>%1 成了自己的上级</translation>
    </message>
    <message>
        <source>%1 has no boundary</source>
        <translation>%1 没有边界</translation>
    </message>
    <message>
        <source>%1 is in %2 pieces</source>
        <translation>%1 分成了 %2 块</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 平方米</translation>
    </message>
    <message>
        <source>%1 households and %2 residents, its children add up to %3 and %4</source>
        <translation>%1 户、%2 人，下级合计 %3 户、%4 人</translation>
    </message>
    <message>
        <source>%1 households, target %2</source>
        <translation>%1 户，目标 %2</translation>
    </message>
    <message>
        <source>%1 residents, target %2</source>
        <translation>%1 人，目标 %2</translation>
    </message>
    <message>
        <source>no %1</source>
        <translation>缺少%1</translation>
    </message>
    <message>
        <source>member %1 keeps in touch with %2 households, rule %3: %4</source>
        <translation>人员 %1 联系 %2 户，规则“%3”：%4</translation>
    </message>
    <message>
        <source>No free code left under %1: the level has %2 digits</source>
        <translation>%1 下已无可用编码：该层级编码为 %2 位</translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>最高层级</translation>
    </message>
    <message>
        <source>the code %1 is already used by %2</source>
        <translation>编码 %1 已被 %2 使用</translation>
    </message>
    <message>
        <source>another unit</source>
        <translation>其他单元</translation>
    </message>
    <message>
        <source>a code is made of digits, got &quot;%1&quot;</source>
        <translation>编码只能由数字组成，收到“%1”</translation>
    </message>
    <message>
        <source>the code of a %1 is its parent&apos;s code %2 followed by %3 digits, got %4</source>
        <translation>%1的编码应为上级编码 %2 加 %3 位数字，收到 %4</translation>
    </message>
    <message>
        <source>Not valid WKT: %1</source>
        <translation>不是有效的 WKT：%1</translation>
    </message>
    <message>
        <source>Ring not closed or with fewer than 4 points</source>
        <translation>边界环未闭合或少于 4 个点</translation>
    </message>
    <message>
        <source>Geometry cannot be built</source>
        <translation>无法构建几何图形</translation>
    </message>
    <message>
        <source>The boundaries cannot be merged</source>
        <translation>这些边界无法合并</translation>
    </message>
    <message>
        <source>Expected a LINESTRING, got a %1: %2</source>
        <translation>需要 LINESTRING（线），收到 %1：%2</translation>
    </message>
    <message>
        <source>A line needs at least two points</source>
        <translation>线至少需要两个点</translation>
    </message>
    <message>
        <source>Expected a POLYGON or MULTIPOLYGON, got a %1: %2</source>
        <translation>需要 POLYGON 或 MULTIPOLYGON（面），收到 %1：%2</translation>
    </message>
    <message>
        <source>Malformed geometry in the GeoPackage (%1)</source>
        <translation>GeoPackage 中的几何数据格式错误（%1）</translation>
    </message>
    <message>
        <source>No unit has the code &quot;%1&quot;</source>
        <translation>没有编码为“%1”的单元</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1为空</translation>
    </message>
    <message>
        <source>%1 is not a valid polygon: %2</source>
        <translation>%1不是有效的多边形：%2</translation>
    </message>
    <message>
        <source>%1 has no area</source>
        <translation>%1没有面积</translation>
    </message>
    <message>
        <source>%1 goes whole to %2 (%3% of its area)</source>
        <translation>%1 整体划入 %2（占其面积 %3%）</translation>
    </message>
    <message>
        <source>%1 stays whole in %2 (%3% of its area)</source>
        <translation>%1 整体留在 %2（占其面积 %3%）</translation>
    </message>
    <message>
        <source>Nothing would change</source>
        <translation>没有任何改变</translation>
    </message>
    <message>
        <source>The project has no level &quot;%1&quot;</source>
        <translation>项目中没有层级“%1”</translation>
    </message>
    <message>
        <source>A unit needs a name</source>
        <translation>单元必须有名称</translation>
    </message>
    <message>
        <source>A %1 needs a parent %2</source>
        <translation>%1必须属于一个%2</translation>
    </message>
    <message>
        <source>%1 is a %2; a %3 belongs in a %4</source>
        <translation>%1 是%2；%3应属于%4</translation>
    </message>
    <message>
        <source>A %1 is at the top level and has no parent</source>
        <translation>%1位于最高层级，没有上级</translation>
    </message>
    <message>
        <source>The drawn outline</source>
        <translation>绘制的范围</translation>
    </message>
    <message>
        <source>Filling needs a parent whose uncovered part to fill</source>
        <translation>填补空白需要指定上级单元</translation>
    </message>
    <message>
        <source>The outline reaches no uncovered part of %1</source>
        <translation>绘制的范围没有触及 %1 的空白部分</translation>
    </message>
    <message>
        <source>The outline lies outside %1</source>
        <translation>绘制的范围在 %1 之外</translation>
    </message>
    <message>
        <source>The outline is already covered by other units of the level</source>
        <translation>绘制的范围已被同层级的其他单元覆盖</translation>
    </message>
    <message>
        <source>The outline of %1 m² became %2 m²</source>
        <translation>绘制的 %1 平方米范围裁剪后为 %2 平方米</translation>
    </message>
    <message>
        <source>Add %1 %2 %3</source>
        <translation>新增%1 %2 %3</translation>
    </message>
    <message>
        <source>The new boundary</source>
        <translation>新边界</translation>
    </message>
    <message>
        <source>The new boundary lies outside %1</source>
        <translation>新边界在 %1 之外</translation>
    </message>
    <message>
        <source>Nothing would change: the new boundary of %1, clipped to its parent, is the old one</source>
        <translation>没有任何改变：%1 的新边界裁剪到上级后与原边界相同</translation>
    </message>
    <message>
        <source>The new boundary would swallow %1 whole; merge the two instead</source>
        <translation>新边界会完全吞并 %1；请改用合并</translation>
    </message>
    <message>
        <source>%1 m² given up by %2 borders no other %3 and is left uncovered</source>
        <translation>%2 让出的 %1 平方米不与其他%3相邻，成为空白</translation>
    </message>
    <message>
        <source>Reshape %1 %2 %3</source>
        <translation>重绘%1 %2 %3 的边界</translation>
    </message>
    <message>
        <source>The line does not cut %1 into parts: it must cross it from edge to edge</source>
        <translation>这条线没有把 %1 分开：线必须从一边穿到另一边</translation>
    </message>
    <message>
        <source>The line only cuts slivers off %1</source>
        <translation>这条线只从 %1 切下了碎片</translation>
    </message>
    <message>
        <source>The line cuts %1 into %2 parts: give %2 household and %2 resident counts, largest part first</source>
        <translation>这条线把 %1 分成 %2 块：请按面积从大到小给出 %2 个户数和 %2 个人数</translation>
    </message>
    <message>
        <source>The line crosses %1; it goes whole to part %2 (%3% of its area)</source>
        <translation>拆分线穿过 %1；它整体划入第 %2 块（占其面积 %3%）</translation>
    </message>
    <message>
        <source>Part %1 of the split would keep none of the units below %2; draw the line between them</source>
        <translation>拆分后的第 %1 块不含 %2 的任何下级单元；请沿下级单元之间画线</translation>
    </message>
    <message>
        <source>Households and residents cannot be negative</source>
        <translation>户数和人数不能为负</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 keeps the code, the name and the members</source>
        <translation>%1 保留原编码、名称和人员</translation>
    </message>
    <message>
        <source>Split %1 %2 %3 into %4</source>
        <translation>将%1 %2 %3 拆分为 %4 块</translation>
    </message>
    <message>
        <source>Merging needs at least two units</source>
        <translation>合并至少需要两个单元</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 被列了两次</translation>
    </message>
    <message>
        <source>Only siblings can be merged: %1 and %2 have different parents</source>
        <translation>只能合并同一上级的单元：%1 与 %2 的上级不同</translation>
    </message>
    <message>
        <source>The merged units do not touch: %1 is now in %2 pieces</source>
        <translation>合并的单元互不相邻：%1 现在分为 %2 块</translation>
    </message>
    <message>
        <source>Merge %1 into %2 %3</source>
        <translation>将 %1 合并为 %2 %3</translation>
    </message>
    <message>
        <source>Name the units to give to %1</source>
        <translation>请指定要划入 %1 的单元</translation>
    </message>
    <message>
        <source>%1 is a %2; a %3 can only take a %4</source>
        <translation>%1 是%2；%3只能包含%4</translation>
    </message>
    <message>
        <source>Every unit named already belongs to %1</source>
        <translation>所列单元都已属于 %1</translation>
    </message>
    <message>
        <source>%1 has no area left</source>
        <translation>%1 已没有面积</translation>
    </message>
    <message>
        <source>Give %1 units to %2 %3</source>
        <translation>将 %1 个单元划入 %2 %3</translation>
    </message>
    <message>
        <source>%1 already has that code</source>
        <translation>%1 已经是这个编码</translation>
    </message>
    <message>
        <source>Recode %1 %2 as %3</source>
        <translation>将 %1 %2 的编码改为 %3</translation>
    </message>
    <message>
        <source>Invalid hierarchy template: %1</source>
        <translation>层级模板无效：%1</translation>
    </message>
    <message>
        <source>%1 has no name</source>
        <translation>%1 没有名称</translation>
    </message>
    <message>
        <source>%1: the band&apos;s minimum is above its maximum</source>
        <translation>%1：目标范围的下限高于上限</translation>
    </message>
    <message>
        <source>Unknown template &quot;%1&quot;; choose one of: %2</source>
        <translation>未知模板“%1”；可选：%2</translation>
    </message>
    <message>
        <source>The built-in template %1 is missing</source>
        <translation>缺少内置模板 %1</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at byte %2)</source>
        <translation>不是有效的 JSON（第 %2 字节：%1）</translation>
    </message>
    <message>
        <source>no &quot;key&quot;</source>
        <translation>缺少 &quot;key&quot;</translation>
    </message>
    <message>
        <source>the template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>the sliver tolerance is negative</source>
        <translation>碎片容差不能为负</translation>
    </message>
    <message>
        <source>a hierarchy needs 2 to 5 levels, this one has %1</source>
        <translation>层级数应为 2 到 5 级，此模板有 %1 级</translation>
    </message>
    <message>
        <source>unknown level key &quot;%1&quot; (expected one of %2)</source>
        <translation>未知的层级键“%1”（应为 %2 之一）</translation>
    </message>
    <message>
        <source>level &quot;%1&quot; is repeated or out of order</source>
        <translation>层级“%1”重复或顺序错误</translation>
    </message>
    <message>
        <source>level &quot;%1&quot;: code_digits must be 1 to 6</source>
        <translation>层级“%1”：code_digits 应为 1 到 6</translation>
    </message>
    <message>
        <source>level &quot;%1&quot;: a role has no key or a repeated key &quot;%2&quot;</source>
        <translation>层级“%1”：角色缺少键或键“%2”重复</translation>
    </message>
    <message>
        <source>ratio rule &quot;%1&quot; names an unknown level &quot;%2&quot;</source>
        <translation>比例规则“%1”引用了未知层级“%2”</translation>
    </message>
    <message>
        <source>ratio rule &quot;%1&quot; names a role &quot;%2&quot; that level &quot;%3&quot; does not have</source>
        <translation>比例规则“%1”引用的角色“%2”不属于层级“%3”</translation>
    </message>
    <message>
        <source>name %1→%2</source>
        <translation>名称 %1→%2</translation>
    </message>
    <message>
        <source>organisation %1</source>
        <translation>组织 %1</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>households %1→%2</source>
        <translation>户数 %1→%2</translation>
    </message>
    <message>
        <source>residents %1→%2</source>
        <translation>人数 %1→%2</translation>
    </message>
    <message>
        <source>Set %1 %2: %3</source>
        <translation>修改 %1 %2：%3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 %2 has %3 units below it; delete them too, or move them first</source>
        <translation>%1 %2 下有 %3 个单元；请一并删除，或先移走</translation>
    </message>
    <message>
        <source>Delete %1 %2 (%3 units)</source>
        <translation>删除 %1 %2（共 %3 个单元）</translation>
    </message>
    <message>
        <source>A member needs a name</source>
        <translation>人员必须有姓名</translation>
    </message>
    <message>
        <source>Add member %1</source>
        <translation>新增人员 %1</translation>
    </message>
    <message>
        <source>No member has the id %1</source>
        <translation>没有 id 为 %1 的人员</translation>
    </message>
    <message>
        <source>A %1 has no role &quot;%2&quot;; its roles are: %3</source>
        <translation>%1没有角色“%2”；可用角色：%3</translation>
    </message>
    <message>
        <source>Linked households cannot be negative</source>
        <translation>联系户数不能为负</translation>
    </message>
    <message>
        <source>%1 is already %2 of %3</source>
        <translation>%1 已是 %3 的%2</translation>
    </message>
    <message>
        <source>%1 becomes %2 of %3 %4</source>
        <translation>%1 担任 %3 %4 的%2</translation>
    </message>
    <message>
        <source>Member %1 holds no such role at %2</source>
        <translation>人员 %1 在 %2 没有该角色</translation>
    </message>
    <message>
        <source>Member %1 leaves %2 %3</source>
        <translation>人员 %1 离开 %2 %3</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied)</source>
        <translation>无法读取 %1（没有权限）</translation>
    </message>
    <message>
        <source>%1 is not a GeoPackage (.gpkg) file</source>
        <translation>%1 不是 GeoPackage（.gpkg）文件</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a GeoPackage</source>
        <translation>%1 是 SQLite 数据库，但不是 GeoPackage</translation>
    </message>
    <message>
        <source>%1 is read-only; it can be opened for viewing only</source>
        <translation>%1 是只读文件，只能打开查看</translation>
    </message>
    <message>
        <source>%1 is already open for editing by another program (%2, process %3 on %4)</source>
        <translation>%1 正由另一个程序编辑（%2，进程 %3，主机 %4）</translation>
    </message>
    <message>
        <source>%1 cannot be edited: its folder is not writable</source>
        <translation>无法编辑 %1：所在文件夹不可写</translation>
    </message>
    <message>
        <source>%1 is a GeoPackage but not a GridAtlas project; import its layers into a project instead</source>
        <translation>%1 是 GeoPackage，但不是 GridAtlas 项目；请把其中的图层导入项目</translation>
    </message>
    <message>
        <source>%1 was written by a newer GridAtlas (project schema %2; this version reads up to %3); update GridAtlas to open it</source>
        <translation>%1 由更新版本的 GridAtlas 写入（项目结构 %2；本版本最高支持 %3）；请升级 GridAtlas 后打开</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 已损坏：%2</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name or allow overwriting</source>
        <translation>%1 已存在；请换一个名称或允许覆盖</translation>
    </message>
    <message>
        <source>%1 is read-only and cannot be replaced</source>
        <translation>%1 是只读文件，无法替换</translation>
    </message>
    <message>
        <source>The folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>%1 is open for editing by another program</source>
        <translation>%1 正由另一个程序编辑</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Project created</source>
        <translation>创建项目</translation>
    </message>
    <message>
        <source>Cannot move the new project into place at %1</source>
        <translation>无法把新项目放到 %1</translation>
    </message>
    <message>
        <source>%1 is open for viewing only</source>
        <translation>%1 以只读方式打开</translation>
    </message>
    <message>
        <source>No unit with id %1</source>
        <translation>没有 id 为 %1 的单元</translation>
    </message>
    <message>
        <source>Unit %1 cannot change level</source>
        <translation>单元 %1 不能改变层级</translation>
    </message>
    <message>
        <source>Unit %1 has no level in the template</source>
        <translation>单元 %1 的层级不在模板中</translation>
    </message>
    <message>
        <source>Two of the new project&apos;s rows have %1 id %2</source>
        <translation>新项目中有两行的%1 id 都是 %2</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>member</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>任职</translation>
    </message>
    <message>
        <source>This GridAtlas lacks the upgrade steps to schema %1</source>
        <translation>此版本 GridAtlas 缺少升级到项目结构 %1 的步骤</translation>
    </message>
    <message>
        <source>No upgrade from project schema version %1</source>
        <translation>无法从项目结构版本 %1 升级</translation>
    </message>
    <message>
        <source>The project has no table for level &quot;%1&quot;</source>
        <translation>项目中没有层级“%1”的数据表</translation>
    </message>
    <message>
        <source>Unit id %1 is used in two levels (%2 and %3)</source>
        <translation>单元 id %1 同时出现在两个层级（%2 和 %3）</translation>
    </message>
    <message>
        <source>Project:   %1
</source>
        <translation>项目：     %1
</translation>
    </message>
    <message>
        <source>Template:  %1 (%2)
</source>
        <translation>模板：     %1（%2）
</translation>
    </message>
    <message>
        <source>CRS:       EPSG:%1
</source>
        <translation>坐标系：   EPSG:%1
</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>   Units   Households    Residents     Area km²
</source>
        <translation>    单元数        户数         人数   面积(平方公里)
</translation>
    </message>
    <message>
        <source>Totals: %1 households, %2 residents, %3 members in %4 assignments
</source>
        <translation>合计：%1 户，%2 人，%3 名人员担任 %4 个职务
</translation>
    </message>
    <message>
        <source>Unknown coordinate reference system EPSG:%1</source>
        <translation>未知坐标系 EPSG:%1</translation>
    </message>
    <message>
        <source>EPSG:%1 is not a projected system in metres; areas must be measured in m² (try a CGCS2000 Gauss-Kruger zone)</source>
        <translation>EPSG:%1 不是以米为单位的投影坐标系；面积须以平方米计（可选用 CGCS2000 高斯-克吕格分带）</translation>
    </message>
    <message>
        <source>Expected a CRS as EPSG:N, got &quot;%1&quot;</source>
        <translation>坐标系应写作 EPSG:N，收到“%1”</translation>
    </message>
    <message>
        <source>Cannot convert coordinates from EPSG:%1 to EPSG:%2</source>
        <translation>无法把坐标从 EPSG:%1 转换到 EPSG:%2</translation>
    </message>
    <message>
        <source>The point %1 %2 cannot be converted</source>
        <translation>点 %1 %2 无法转换</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Database error in %1: %2</source>
        <translation>%1 数据库错误：%2</translation>
    </message>
    <message>
        <source>%1 households</source>
        <translation>%1 户</translation>
    </message>
    <message>
        <source> (target %1–%2%3)</source>
        <translation>（目标 %1–%2%3）</translation>
    </message>
    <message>
        <source>, outside</source>
        <translation>，超出</translation>
    </message>
    <message>
        <source>%1: %2, %3 residents, %4 units below, %5 people</source>
        <translation>%1：%2，%3 人，下级 %4 个，人员 %5 名</translation>
    </message>
    <message>
        <source>The outline lies in no %1</source>
        <translation>绘制的范围不在任何%1之内</translation>
    </message>
    <message>
        <source>Opening was cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message>
        <source>The outline has no such corner</source>
        <translation>边界上没有这个节点</translation>
    </message>
    <message>
        <source>The outline has no such edge</source>
        <translation>边界上没有这条边</translation>
    </message>
    <message>
        <source>A boundary needs at least three corners; delete the unit instead</source>
        <translation>边界至少需要三个节点；如要去掉该单元，请删除它</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>没有可导出的单元</translation>
    </message>
    <message>
        <source>GDAL has no %1 driver</source>
        <translation>GDAL 没有 %1 驱动</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Some text cannot be written in GBK (near &quot;%1&quot;); use UTF-8</source>
        <translation>有文字无法用 GBK 编码（“%1”附近）；请改用 UTF-8</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not TARGET=FIELD with TARGET one of %2</source>
        <translation>“%1”不是“目标=字段”的形式，目标应为 %2 之一</translation>
    </message>
    <message>
        <source>The source has no field &quot;%1&quot; (it has: %2)</source>
        <translation>源数据没有字段“%1”（现有字段：%2）</translation>
    </message>
    <message>
        <source>no fields</source>
        <translation>无字段</translation>
    </message>
    <message>
        <source>No level to import into</source>
        <translation>未指定导入的层级</translation>
    </message>
    <message>
        <source>No field holds the units&apos; names: choose one (name=FIELD; the source has %1)</source>
        <translation>没有字段存放单元名称：请指定一个（name=字段；源数据字段有 %1）</translation>
    </message>
    <message>
        <source>%1 holds no features</source>
        <translation>%1 中没有要素</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <source>%1 is a point, not an area</source>
        <translation>%1 是点，不是面</translation>
    </message>
    <message>
        <source>%1 is %2, not an area</source>
        <translation>%1 是%2，不是面</translation>
    </message>
    <message>
        <source>%1 has no geometry</source>
        <translation>%1 没有几何图形</translation>
    </message>
    <message>
        <source>the boundary of %1 is invalid (%2); it can be repaired on import</source>
        <translation>%1 的边界无效（%2）；可在导入时修复</translation>
    </message>
    <message>
        <source>the boundary of %1 was repaired (%2)</source>
        <translation>%1 的边界已修复（%2）</translation>
    </message>
    <message>
        <source>the boundary of %1 cannot be repaired: %2</source>
        <translation>%1 的边界无法修复：%2</translation>
    </message>
    <message>
        <source>households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>residents</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>the project has no %1 with the code %2 to hold %3</source>
        <translation>项目中没有编码为 %2 的%1 来容纳 %3</translation>
    </message>
    <message>
        <source>%1 lies in no %2 of the project</source>
        <translation>%1 不在项目的任何%2内</translation>
    </message>
    <message>
        <source>Import %1 %2 from %3</source>
        <translation>从 %3 导入 %1 个%2</translation>
    </message>
    <message>
        <source>Nothing of the area is left once repaired</source>
        <translation>修复后不再剩下任何面积</translation>
    </message>
    <message numerus="yes">
        <source>Nothing imported from %1: %n row(s) cannot be imported. %2</source>
        <translation>
            <numerusform>未从 %1 导入任何内容：有 %n 行无法导入。%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import from %1</source>
        <translation>%1 中没有可导入的内容</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 条</translation>
    </message>
    <message>
        <source>feature %1: %2</source>
        <translation>第 %1 个要素：%2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>The table has no 姓名 (name) column; its columns: %1</source>
        <translation>表格没有“姓名”列；现有列：%1</translation>
    </message>
    <message>
        <source>The table names roles without units or units without roles: it needs both 职务 (role) and 单元编码 or 单元名称 (unit), or neither</source>
        <translation>表格只有职务没有单元，或只有单元没有职务：需要同时有“职务”和“单元编码”或“单元名称”，或者都没有</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number</source>
        <translation>“%1”不是电话号码</translation>
    </message>
    <message>
        <source>the gender is 男 or 女, not &quot;%1&quot;</source>
        <translation>性别应为“男”或“女”，而不是“%1”</translation>
    </message>
    <message>
        <source>no unit has the code %1</source>
        <translation>没有编码为 %1 的单元</translation>
    </message>
    <message>
        <source>no unit is named %1</source>
        <translation>没有名为 %1 的单元</translation>
    </message>
    <message>
        <source>%1 units are named %2: give the unit code</source>
        <translation>有 %1 个单元名为 %2：请给出单元编码</translation>
    </message>
    <message>
        <source>the role %1 is given without a unit</source>
        <translation>给出了职务 %1 但没有单元</translation>
    </message>
    <message>
        <source>no role is given for %1</source>
        <translation>没有给出在 %1 的职务</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role of a %2 (its roles: %3)</source>
        <translation>“%1”不是%2的职务（其职务有：%3）</translation>
    </message>
    <message>
        <source>number %1 is %2 on line %3, not %4</source>
        <translation>编号 %1 在第 %3 行是 %2，不是 %4</translation>
    </message>
    <message>
        <source>%1 is already %2 of %3 on line %4</source>
        <translation>%1 已在第 %4 行担任 %3 的%2</translation>
    </message>
    <message numerus="yes">
        <source>%n role(s) already held as the table says: left as they are</source>
        <translation>
            <numerusform>有 %n 项职务已与表格一致：保持不变</numerusform>
        </translation>
    </message>
    <message>
        <source>Import %1 people and %2 roles from %3</source>
        <translation>从 %3 导入 %1 名人员和 %2 项职务</translation>
    </message>
    <message>
        <source>%1 is not a spreadsheet that can be read (%2)</source>
        <translation>%1 不是可读取的电子表格（%2）</translation>
    </message>
    <message>
        <source>A quoted field starting on line %1 is never closed</source>
        <translation>从第 %1 行开始的带引号字段没有结束</translation>
    </message>
    <message>
        <source>The table is empty: not even a header</source>
        <translation>表格是空的：连表头都没有</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>%1 is a spreadsheet, not CSV: name it .xlsx</source>
        <translation>%1 是电子表格，不是 CSV：请将扩展名改为 .xlsx</translation>
    </message>
    <message>
        <source>%1 has no header row</source>
        <translation>%1 没有表头行</translation>
    </message>
    <message>
        <source>This system cannot convert text from %1 to %2</source>
        <translation>本系统无法将文本从 %1 转换为 %2</translation>
    </message>
    <message>
        <source>a line that is not closed</source>
        <translation>未闭合的线</translation>
    </message>
    <message>
        <source>a CRS without a name</source>
        <translation>无名称的坐标系</translation>
    </message>
    <message>
        <source>%1 is not a GIS file that can be read (%2)</source>
        <translation>%1 不是可读取的 GIS 文件（%2）</translation>
    </message>
    <message>
        <source>no layers</source>
        <translation>没有图层</translation>
    </message>
    <message>
        <source>%1 has no layer named &quot;%2&quot; (it has: %3)</source>
        <translation>%1 中没有名为“%2”的图层（现有图层：%3）</translation>
    </message>
    <message>
        <source>Cannot convert coordinates from %1 to EPSG:%2</source>
        <translation>无法将坐标从 %1 转换到 EPSG:%2</translation>
    </message>
    <message>
        <source>Feature %1 of %2 cannot be converted from %3 to EPSG:%4</source>
        <translation>%2 的第 %1 个要素无法从 %3 转换到 EPSG:%4</translation>
    </message>
    <message>
        <source>UTF-8 (no .cpg)</source>
        <translation>UTF-8（无 .cpg）</translation>
    </message>
    <message>
        <source>GBK/GB18030 (no .cpg)</source>
        <translation>GBK/GB18030（无 .cpg）</translation>
    </message>
    <message>
        <source>%1 (from .cpg)</source>
        <translation>%1（据 .cpg）</translation>
    </message>
    <message>
        <source>lines that close no area</source>
        <translation>不围成面的线</translation>
    </message>
    <message>
        <source>Not a coordinate reference system: %1</source>
        <translation>不是坐标参考系：%1</translation>
    </message>
    <message>
        <source>The two projects have different levels (another hierarchy template) and cannot be compared level by level</source>
        <translation>两个项目的层级不同（层级模板不同），无法逐级比较</translation>
    </message>
    <message>
        <source>The history of %1 has no step %2 (`history` lists them)</source>
        <translation>%1 的修改历史中没有第 %2 步（用 `history` 查看）</translation>
    </message>
    <message>
        <source>Step %1 of the history was undone; compare with a step that is in force</source>
        <translation>修改历史的第 %1 步已撤销，请与仍然有效的一步比较</translation>
    </message>
    <message>
        <source>The source has no households column (户数); name it with --map households=FIELD</source>
        <translation>来源没有户数列，请用 --map households=字段 指定</translation>
    </message>
    <message>
        <source>The table has no unit code column (单元编码); name it with --map code=COLUMN</source>
        <translation>表格没有单元编码列，请用 --map code=列名 指定</translation>
    </message>
    <message>
        <source>%1 is a %2, not a %3</source>
        <translation>%1 是%2，不是%3</translation>
    </message>
    <message>
        <source>lies in no %1 (%2, %3)</source>
        <translation>不在任何%1内（%2, %3）</translation>
    </message>
    <message>
        <source>names no unit: neither a unit code nor a location</source>
        <translation>未指明单元：既没有单元编码也没有位置</translation>
    </message>
    <message>
        <source>%1 %2 got no counts from the source and keep theirs</source>
        <translation>%1 个%2在来源中没有数据，保留原有户数</translation>
    </message>
    <message>
        <source>%1 %2 have units below them whose counts no longer add up to the new ones; the checker names them</source>
        <translation>%1 个%2的下级单元户数之和与新户数不再一致，检查会列出它们</translation>
    </message>
    <message>
        <source>Import the households of %1 %2 from %3</source>
        <translation>从 %3 导入 %1 个%2的户数</translation>
    </message>
    <message>
        <source>%1 is given twice (also by feature %2)</source>
        <translation>%1 重复出现（第 %2 个要素也是它）</translation>
    </message>
    <message>
        <source>%1 is given twice (also on line %2)</source>
        <translation>%1 重复出现（第 %2 行也是它）</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written</source>
        <translation>导出已取消，没有写入文件</translation>
    </message>
    <message>
        <source>The two projects are in different coordinate systems (EPSG:%1 and EPSG:%2), so their boundaries cannot be compared</source>
        <translation>两个项目的坐标系不同（EPSG:%1 与 EPSG:%2），无法比较边界</translation>
    </message>
    <message>
        <source>A change report cannot be written as %1</source>
        <translation>调整说明不能写为 %1</translation>
    </message>
    <message>
        <source>A coverage report cannot be written as %1</source>
        <translation>覆盖情况报告不能写为 %1</translation>
    </message>
    <message>
        <source>The roster cannot be written as %1</source>
        <translation>人员名册不能写为 %1</translation>
    </message>
    <message>
        <source>the disk is full (磁盘已满)</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the file reached the size limit of this process (%1 KiB, ulimit -f)</source>
        <translation>文件已达到本进程允许的大小上限（%1 KiB，ulimit -f）</translation>
    </message>
    <message>
        <source>the folder %1 may not be written</source>
        <translation>文件夹 %1 不允许写入</translation>
    </message>
    <message>
        <source>the file could not be written whole</source>
        <translation>文件未能完整写入</translation>
    </message>
    <message>
        <source>%1 is being opened for editing by another program; try again in a moment</source>
        <translation>另一个程序正在以编辑方式打开 %1，请稍后再试</translation>
    </message>
    <message>
        <source>%1 cannot be edited: %2</source>
        <translation>%1 无法编辑：%2</translation>
    </message>
    <message>
        <source>%1 is this project&apos;s own file</source>
        <translation>%1 就是本项目自己的文件</translation>
    </message>
    <message>
        <source>%1: line %2 holds the control character U+%3, which a table of text cannot; the file is damaged, or not text in UTF-8, UTF-16 or GBK</source>
        <translation>%1：第 %2 行含有控制字符 U+%3，文本表格中不应出现；文件已损坏，或不是 UTF-8、UTF-16 或 GBK 文本</translation>
    </message>
    <message>
        <source>The text is neither UTF-8, UTF-16 with a byte order mark, nor GBK/GB18030 (bytes %1)</source>
        <translation>文本既不是 UTF-8、带字节顺序标记的 UTF-16，也不是 GBK/GB18030（字节 %1）</translation>
    </message>
    <message>
        <source>The text is not well-formed UTF-16 (bytes %1)</source>
        <translation>文本不是格式正确的 UTF-16（字节 %1）</translation>
    </message>
    <message>
        <source>%1 of %2 is not a whole number from 0 to %3: &quot;%4&quot;</source>
        <translation>%2 的%1不是 0 到 %3 之间的整数：“%4”</translation>
    </message>
    <message>
        <source>%1 %2 would count %3 households and %4 residents, beyond what a unit can hold (0 to %5)</source>
        <translation>%1 %2 将有 %3 户、%4 人，超出一个单元所能容纳的范围（0 到 %5）</translation>
    </message>
    <message numerus="yes">
        <source>The imported counts are carried up to the %n unit(s) above them</source>
        <translation>
            <numerusform>导入的数量已逐级累计到上级 %n 个单元</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 households and %2 residents; a unit counts 0 to %3</source>
        <translation>%1 户、%2 人；一个单元的数量应为 0 到 %3</translation>
    </message>
    <message>
        <source>%1 holds no rows below its header</source>
        <translation>%1 在表头之下没有任何数据行</translation>
    </message>
    <message>
        <source>the households &quot;%1&quot; are not a whole number from 0 to %2</source>
        <translation>户数“%1”不是 0 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>the residents &quot;%1&quot; are not a whole number from 0 to %2</source>
        <translation>人口“%1”不是 0 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>Households and residents are counted from 0 to %1</source>
        <translation>户数和人口应为 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>the linked households are not a whole number from 0 to %1: &quot;%2&quot;</source>
        <translation>联系户数不是 0 到 %1 之间的整数：“%2”</translation>
    </message>
    <message>
        <source>%1 has no .dbf beside it: the names and codes of its features are in that file; copy the whole shapefile (.shp, .shx, .dbf, .prj)</source>
        <translation>%1 旁边没有 .dbf 文件：要素的名称和编码都在该文件中；请复制完整的 Shapefile（.shp、.shx、.dbf、.prj）</translation>
    </message>
    <message>
        <source>%1 is damaged: it records the project schema version %2, which no GridAtlas writes; restore it from a copy</source>
        <translation>%1 已损坏：其中记录的项目结构版本为 %2，任何 GridAtlas 都不会写出该版本；请从备份恢复</translation>
    </message>
    <message>
        <source>%1 holds an unfinished edit of a program that stopped, and no copy could be made to read it without that edit</source>
        <translation>%1 中留有一个已中止程序未完成的修改，且无法复制出一份副本来读取不含该修改的内容</translation>
    </message>
    <message>
        <source>%1 is damaged: SQLite&apos;s check of the file fails; nothing was changed; restore it from a copy</source>
        <translation>%1 已损坏：SQLite 对文件的检查未通过；未做任何更改；请从备份恢复</translation>
    </message>
    <message>
        <source>%1 can be no place: %2</source>
        <translation>%1 不可能是真实的位置：%2</translation>
    </message>
    <message>
        <source>%1 lies mostly outside %2 %3, which its codes name as its parent (%4% inside)</source>
        <translation>%1 大部分位于编码所指上级 %2 %3 之外（仅 %4% 在其内）</translation>
    </message>
    <message>
        <source>%1 lies at %2°, %3°, outside the area EPSG:%4 is made for (%5°–%6° E, %7°–%8° N)</source>
        <translation>%1 位于 %2°, %3°，超出 EPSG:%4 的适用范围（东经 %5°–%6°，北纬 %7°–%8°）</translation>
    </message>
    <message>
        <source>%1 has coordinates that can be no place on Earth: its boundary is damaged</source>
        <translation>%1 的坐标不可能位于地球上：其边界已损坏</translation>
    </message>
    <message>
        <source>a coordinate is not a number</source>
        <translation>有坐标不是数字</translation>
    </message>
    <message>
        <source>longitude %1 is no place on Earth</source>
        <translation>经度 %1 不是地球上的位置</translation>
    </message>
    <message>
        <source>latitude %1 is no place on Earth</source>
        <translation>纬度 %1 不是地球上的位置</translation>
    </message>
    <message>
        <source>the coordinate (%1, %2) is farther than any place on Earth</source>
        <translation>坐标 (%1, %2) 远超地球上任何位置</translation>
    </message>
    <message>
        <source>the code %1 is given to feature %2 too: if they are one unit in pieces, make them one (--merge-same-code)</source>
        <translation>编码 %1 也给了要素 %2：若它们是同一单元的几部分，请合并为一个单元（--merge-same-code）</translation>
    </message>
    <message>
        <source>%1: features %2 are made one unit</source>
        <translation>%1：要素 %2 合并为一个单元</translation>
    </message>
    <message>
        <source>%1 crosses itself at (%2, %3)</source>
        <translation>%1自相交，交点 (%2, %3)</translation>
    </message>
    <message>
        <source>The new boundary of %1 gives up %2 m² that no other %3 borders, which would leave a gap in %4. Draw it along the edge of %4, or move the shared corner with the vertex tool so that %4 moves too</source>
        <translation>%1 的新边界让出 %2 m²，没有其他%3与之相邻，会在 %4 中留下缺口。请沿 %4 的边界绘制，或用节点工具移动共用的节点，使 %4 一同移动</translation>
    </message>
    <message>
        <source>%1 keeps its boundary: it follows its %2, and the new boundary moves none of them. Move the corner with the vertex tool, which moves the %2 too, or reshape them first</source>
        <translation>%1 的边界未变：它随下级%2而定，新边界没有移动任何%2。请用节点工具移动节点（%2会一同移动），或先重绘%2</translation>
    </message>
    <message>
        <source>The boundary of %1</source>
        <translation>%1 的边界</translation>
    </message>
    <message>
        <source>Moving the corner would take %1 m² of %2 outside %3</source>
        <translation>移动此节点会使 %2 有 %1 m² 超出 %3</translation>
    </message>
    <message>
        <source>Moving the corner would make %1 overlap %2 by %3 m²</source>
        <translation>移动此节点会使 %1 与 %2 重叠 %3 m²</translation>
    </message>
    <message>
        <source>That would leave %1 m² of %2 uncovered by its %3: a unit inside it does not share the corner</source>
        <translation>这会在 %2 中留下 %1 m² 未被%3覆盖：其中有单元不共用此节点</translation>
    </message>
    <message>
        <source>The corner cannot go to (%1, %2)</source>
        <translation>节点不能移到 (%1, %2)</translation>
    </message>
    <message>
        <source>The boundary of %1 has no corner or edge at (%2, %3)</source>
        <translation>%1 的边界在 (%2, %3) 处没有节点或边</translation>
    </message>
    <message>
        <source>Nothing would change: the corner stays where it is</source>
        <translation>没有任何改变：节点仍在原处</translation>
    </message>
    <message>
        <source>The corner moved in %1 units that share it</source>
        <translation>共用此节点的 %1 个单元一同移动</translation>
    </message>
    <message>
        <source>Move a corner of %1 %2 %3</source>
        <translation>移动%1 %2 %3 的节点</translation>
    </message>
    <message>
        <source>The boundary of %1 has no corner at (%2, %3)</source>
        <translation>%1 的边界在 (%2, %3) 处没有节点</translation>
    </message>
    <message>
        <source>Remove a corner of %1 %2 %3</source>
        <translation>删除%1 %2 %3 的节点</translation>
    </message>
    <message>
        <source>The parts take their counts from their %1: %2 households instead of %3 (%4), %5 residents instead of %6 (%7); the totals above change with them</source>
        <translation>拆分后的各部分按下级%1重新统计：%2 户（原 %3，%4），%5 人（原 %6，%7）；上级合计随之改变</translation>
    </message>
    <message>
        <source>%1 people are %2, at most %3 may be</source>
        <translation>%2 有 %1 人，最多 %3 人</translation>
    </message>
    <message>
        <source>level &quot;%1&quot;: role &quot;%2&quot; has max %3; it must be a whole number of at least 1</source>
        <translation>层级“%1”：职务“%2”的 max 为 %3，应为不小于 1 的整数</translation>
    </message>
    <message>
        <source>%1 %2 already has its %3 (%4); a %5 has at most %6. Take them out of the role first</source>
        <translation>%1 %2 已有%3（%4），每个%5最多 %6 人。请先撤下现任</translation>
    </message>
    <message>
        <source>The list of accepted problems is damaged: %1</source>
        <translation>已接受问题的清单已损坏：%1</translation>
    </message>
    <message>
        <source>the boundary crosses itself</source>
        <translation>边界自相交</translation>
    </message>
    <message>
        <source>a ring touches itself</source>
        <translation>边界环自身接触</translation>
    </message>
    <message>
        <source>a ring has too few points</source>
        <translation>边界环的点太少</translation>
    </message>
    <message>
        <source>a hole lies outside its outline</source>
        <translation>内洞位于外边界之外</translation>
    </message>
    <message>
        <source>a hole lies inside another hole</source>
        <translation>内洞嵌套在另一个内洞中</translation>
    </message>
    <message>
        <source>holes cut the area in two</source>
        <translation>内洞把区域分成了两块</translation>
    </message>
    <message>
        <source>one part lies inside another</source>
        <translation>一块位于另一块之内</translation>
    </message>
    <message>
        <source>a ring is repeated</source>
        <translation>边界环重复</translation>
    </message>
    <message>
        <source>a ring is not closed</source>
        <translation>边界环未闭合</translation>
    </message>
    <message>
        <source>%1 near (%2, %3)</source>
        <translation>%1，位置约 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 leaves the roster</source>
        <translation>%1 离开人员名册</translation>
    </message>
    <message>
        <source>Removed %1 (%2) and the %3 role(s) they held. Their name, phone and notes are gone from the history too: undo brings back %2 in those roles, without them.</source>
        <translation>已删除 %1（%2）及其担任的 %3 项职务。其姓名、电话和备注也已从修改历史中抹去：撤销只能恢复为担任这些职务的“%2”，不含这些信息。</translation>
    </message>
    <message>
        <source>several %1 have the external code %2: give the parent&apos;s own code</source>
        <translation>多个%1的外部编码都是 %2：请填写上级的本系统编码</translation>
    </message>
    <message>
        <source>%1 (if these are another system&apos;s codes, import them as external codes: external=%2)</source>
        <translation>%1（如果这些是其他系统的编码，请作为外部编码导入：external=%2）</translation>
    </message>
    <message>
        <source>an external code has at most %1 characters, got %2</source>
        <translation>外部编码最多 %1 个字符，此处为 %2 个</translation>
    </message>
    <message>
        <source>the external code &quot;%1&quot; holds a control character (U+%2)</source>
        <translation>外部编码“%1”含有控制字符（U+%2）</translation>
    </message>
    <message>
        <source>the external code %1 is already that of %2 %3</source>
        <translation>外部编码 %1 已属于 %2 %3</translation>
    </message>
    <message>
        <source>%1 is the code of %2: an external code must not be one of ours</source>
        <translation>%1 是 %2 的编码：外部编码不能与本系统编码相同</translation>
    </message>
    <message>
        <source>the external code %1 is given to another unit too</source>
        <translation>外部编码 %1 也给了另一个单元</translation>
    </message>
    <message>
        <source>several %1 have the external code %2: give our code</source>
        <translation>多个%1的外部编码都是 %2：请填写本系统编码</translation>
    </message>
    <message>
        <source>Nothing to set: give households, residents, a name or an external code</source>
        <translation>没有要修改的内容：请给出户数、人口、名称或外部编码</translation>
    </message>
    <message>
        <source>%1 cannot be given: %2</source>
        <translation>无法设置 %1：%2</translation>
    </message>
    <message>
        <source>external code %1 removed</source>
        <translation>删除外部编码 %1</translation>
    </message>
    <message>
        <source>external code %1</source>
        <translation>外部编码 %1</translation>
    </message>
    <message>
        <source>several units have the external code %1: give our code</source>
        <translation>多个单元的外部编码都是 %1：请填写本系统编码</translation>
    </message>
    <message>
        <source>raster</source>
        <translation>影像</translation>
    </message>
    <message>
        <source>tiles</source>
        <translation>瓦片</translation>
    </message>
    <message>
        <source>tile service</source>
        <translation>瓦片服务</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>矢量</translation>
    </message>
    <message>
        <source>The project&apos;s reference layers cannot be read (%1)</source>
        <translation>无法读取项目的参考图层（%1）</translation>
    </message>
    <message>
        <source>The project&apos;s reference layer &quot;%1&quot; is of no kind GridAtlas knows (&quot;%2&quot;)</source>
        <translation>项目的参考图层“%1”类型未知（“%2”）</translation>
    </message>
    <message>
        <source>A reference layer needs a name</source>
        <translation>参考图层需要名称</translation>
    </message>
    <message>
        <source>The opacity of %1 is from 0 to 1 (or 0% to 100%), got %2</source>
        <translation>%1 的不透明度应在 0 到 1（或 0% 到 100%）之间，此处为 %2</translation>
    </message>
    <message>
        <source>Colours are written #rrggbb, as #3366cc; got %1</source>
        <translation>颜色写作 #rrggbb，如 #3366cc；此处为 %1</translation>
    </message>
    <message>
        <source>A line is from 0.05 to 10 mm wide, got %1</source>
        <translation>线宽应在 0.05 到 10 毫米之间，此处为 %1</translation>
    </message>
    <message>
        <source>%1 is no tile service: a URL with {x}, {y} and {z}, or one of %2</source>
        <translation>%1 不是瓦片服务：应为含 {x}、{y}、{z} 的地址，或 %2 之一</translation>
    </message>
    <message>
        <source>The project has no reference layers</source>
        <translation>项目没有参考图层</translation>
    </message>
    <message>
        <source>The project has no reference layer &quot;%1&quot; (it has: %2)</source>
        <translation>项目没有参考图层“%1”（现有：%2）</translation>
    </message>
    <message>
        <source>%1 is no map GDAL can read (%2)</source>
        <translation>%1 不是 GDAL 能读取的地图（%2）</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>格式未知</translation>
    </message>
    <message>
        <source>%1 holds neither an image nor map layers</source>
        <translation>%1 既没有影像也没有地图图层</translation>
    </message>
    <message>
        <source>%1 names no coordinate reference system: say which it is in (--crs EPSG:N; EPSG:4490 for longitude and latitude, EPSG:4547 for Gauss-Krüger 114°E)</source>
        <translation>%1 没有说明坐标系：请指明（--crs EPSG:N；经纬度为 EPSG:4490，114°E 高斯-克吕格为 EPSG:4547）</translation>
    </message>
    <message>
        <source>%1 is no raster: overviews are for images</source>
        <translation>%1 不是影像：金字塔只用于影像</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Building the overviews of %1 was cancelled</source>
        <translation>已取消为 %1 建立金字塔</translation>
    </message>
    <message>
        <source>The overviews of %1 were not built: %2</source>
        <translation>未能为 %1 建立金字塔：%2</translation>
    </message>
    <message>
        <source>Only a vector file can be copied into the project (%1 is not one)</source>
        <translation>只有矢量文件可以复制进项目（%1 不是）</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 could not be copied into the project: %2</source>
        <translation>无法把 %1 复制进项目：%2</translation>
    </message>
    <message>
        <source>The copy of %1 could not be taken out of the project: %2</source>
        <translation>无法从项目中删除 %1 的副本：%2</translation>
    </message>
    <message>
        <source>The spatial index %1 has no usable root node</source>
        <translation>空间索引 %1 没有可用的根节点</translation>
    </message>
    <message>
        <source>The reference layer &quot;%1&quot; is not a vector layer: barriers are roads, rivers and railways drawn as lines</source>
        <translation>参考图层“%1”不是矢量图层：障碍是以线表示的道路、河流和铁路</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a reference layer of the project nor a file</source>
        <translation>“%1”既不是项目的参考图层，也不是文件</translation>
    </message>
    <message>
        <source>The graph partitioner failed on these children (METIS status %1)</source>
        <translation>图划分程序处理这些下级单元时失败（METIS 状态 %1）</translation>
    </message>
    <message>
        <source>%1 is at the lowest level: there is nothing below it to divide</source>
        <translation>%1 位于最低层级：其下没有可划分的单元</translation>
    </message>
    <message>
        <source>The number of parts must be positive</source>
        <translation>划分的个数必须为正数</translation>
    </message>
    <message>
        <source>The band %1 is empty: its lower end is above its upper end</source>
        <translation>目标范围 %1 为空：下限高于上限</translation>
    </message>
    <message>
        <source>The band %1 has no room for households</source>
        <translation>目标范围 %1 容纳不了任何户数</translation>
    </message>
    <message>
        <source>The %1 level has no households band: give a band or a number of parts</source>
        <translation>%1层级没有户数目标范围：请给出范围或划分个数</translation>
    </message>
    <message>
        <source>%1 has no %2 to group into new %3</source>
        <translation>%1 没有可组合成新%3的%2</translation>
    </message>
    <message>
        <source>%1 has no households entered: there is nothing to split by count</source>
        <translation>%1 尚未录入户数：无法按户数划分</translation>
    </message>
    <message>
        <source>%1 households of %2 cannot be split into whole %3 of %4 households</source>
        <translation>%2 的 %1 户无法分成若干个 %4 户的%3</translation>
    </message>
    <message>
        <source>%1 has %2 households: too few for %3 parts</source>
        <translation>%1 只有 %2 户：不够分成 %3 个</translation>
    </message>
    <message>
        <source>A locked unit holds %1, which is not a %2 of %3</source>
        <translation>锁定的单元含有 %1，但它不是 %3 的%2</translation>
    </message>
    <message>
        <source>%1 is in two locked units</source>
        <translation>%1 位于两个锁定的单元中</translation>
    </message>
    <message>
        <source>The %1 of %2 have no households entered: give a number of parts to divide by area</source>
        <translation>%2 的%1尚未录入户数：请给出划分个数，按面积划分</translation>
    </message>
    <message>
        <source>%1 parts leave no room beside %2 locked units</source>
        <translation>划分 %1 个，除 %2 个锁定单元外已无余地</translation>
    </message>
    <message>
        <source>%1 has %2 %3: too few for %4 parts</source>
        <translation>%1 只有 %2 个%3：不够分成 %4 个</translation>
    </message>
    <message>
        <source>%1 %2 alone has %3 households, more than %4: its %5 cannot be within the band</source>
        <translation>%1 %2 单独就有 %3 户，超过 %4：它所在的%5无法达到目标范围</translation>
    </message>
    <message>
        <source>The %1 lie in %2 separate pieces: %3 parts are too few to keep each new unit in one piece</source>
        <translation>%1分布在 %2 个互不相连的片区：划分 %3 个不足以让每个新单元连成一片</translation>
    </message>
    <message>
        <source>%1 %2 and the %3 joined to it (%4 households) lie apart from the rest and fit no whole number of %5 of %6</source>
        <translation>%1 %2 及与之相连的 %3 个单元（%4 户）与其余部分不相连，无法分成若干个 %6 户的%5</translation>
    </message>
    <message>
        <source>%1 households fit no whole number of %2 of %3</source>
        <translation>%1 户无法分成若干个 %3 户的%2</translation>
    </message>
    <message>
        <source>New %1 %2 has %3 households, outside %4</source>
        <translation>新%1 %2 有 %3 户，超出 %4</translation>
    </message>
    <message>
        <source>New %1 %2 joins %3 across a barrier</source>
        <translation>新%1 %2 跨越障碍连接了%3</translation>
    </message>
    <message>
        <source>The proposal does not divide %1</source>
        <translation>此方案不是对 %1 的划分</translation>
    </message>
    <message>
        <source>The proposal no longer fits: %1 now has %2 households</source>
        <translation>方案已不适用：%1 现有 %2 户</translation>
    </message>
    <message>
        <source>The proposal no longer fits: %1 is not where it was proposed from</source>
        <translation>方案已不适用：%1 已不在方案生成时的位置</translation>
    </message>
    <message>
        <source>The proposal no longer fits: it leaves out %1</source>
        <translation>方案已不适用：它遗漏了 %1</translation>
    </message>
    <message>
        <source>Divide %1 into %2 %3</source>
        <translation>将 %1 划分为 %2 个%3</translation>
    </message>
    <message>
        <source>These %1 split households by count: there are no children to move</source>
        <translation>这些%1按户数划分：没有可移动的下级单元</translation>
    </message>
    <message>
        <source>The proposal has no %1 %2</source>
        <translation>方案中没有%1 %2</translation>
    </message>
    <message>
        <source>%1 is not among the units the proposal groups</source>
        <translation>%1 不在方案所组合的单元之中</translation>
    </message>
    <message>
        <source>New %1 %2 is locked: unlock it to change it</source>
        <translation>新%1 %2 已锁定：解锁后才能修改</translation>
    </message>
    <message>
        <source>%1 is all new %2 %3 holds: it cannot be left empty</source>
        <translation>新%2 %3 只有 %1：不能让它变空</translation>
    </message>
    <message>
        <source>New %1 %2 is in %3 pieces</source>
        <translation>新%1 %2 分成了 %3 块</translation>
    </message>
    <message>
        <source>%1 of %2 moves to %3, which has its %1 already: choose one</source>
        <translation>%2 的%1调入 %3，而 %3 已有%1：请选定一人</translation>
    </message>
</context>
<context>
    <name>mapcore</name>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的编辑</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>没有可重做的编辑</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled</source>
        <translation>已取消打开 %1</translation>
    </message>
    <message>
        <source>%1 is already open</source>
        <translation>%1 已经打开</translation>
    </message>
    <message>
        <source> hh</source>
        <translation>户</translation>
    </message>
    <message>
        <source>%1 is not there (moved or deleted?): relink it</source>
        <translation>找不到 %1（被移动或删除？）：请重新链接</translation>
    </message>
    <message>
        <source>天地图 needs your key (设置 › 天地图密钥, or GRIDATLAS_TIANDITU_KEY)</source>
        <translation>天地图需要您的密钥（设置 › 天地图密钥，或环境变量 GRIDATLAS_TIANDITU_KEY）</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
</TS>
